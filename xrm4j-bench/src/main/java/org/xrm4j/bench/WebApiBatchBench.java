package org.xrm4j.bench;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.xrm4j.sdk.Entity;
import org.xrm4j.sdk.Money;

/**
 * The Web API's {@code $batch} next to the SDK protocol's ExecuteMultiple: the same 1000 ten-attribute accounts
 * created by one ExecuteMultiple (ContinueOnError false, ReturnResponses true: what a {@code $batch} without
 * {@code odata.continue-on-error} is), by one {@code $batch} whose Creates form one change set (what dynamics-web-api
 * sends by default), and by one {@code $batch} of 1000 plain parts ({@code inChangeSet: false}). The three take
 * turns round after round, each round starting with the next form, so that a drift of the machine touches them
 * alike; each request's time runs from the send to the last byte of its answer, and the medians are compared. The
 * target: a {@code $batch} of 1000 Creates takes at most 1.5 times as long as the ExecuteMultiple.
 *
 * <p>Bodies are built before the clock starts, the {@code $batch} ones byte for byte as dynamics-web-api writes
 * them (CRLF, absolute inner URLs, Content-IDs from 100001 in change sets). Every answer is checked: HTTP 200 and
 * 1000 Creates answered, and the account table must have grown by every record sent.
 */
final class WebApiBatchBench {
    static final double MAX_RATIO = 1.5;
    static final int RECORDS = 1000;
    static final int WARM_UP_ROUNDS = 50;
    static final int ROUNDS = 20;
    private static final Pattern ENTITY_ID = Pattern.compile("OData-EntityId: [^\r\n]*accounts\\(([0-9a-f-]{36})\\)");

    /** The forms measured, in the order of each round. */
    enum Form {
        EXECUTE_MULTIPLE("ExecuteMultiple (SDK protocol)"),
        CHANGE_SET("$batch, one change set"),
        PLAIN_PARTS("$batch, plain parts");

        final String label;

        Form(String label) { this.label = label; }
    }

    /** One form's times over the measured rounds, in nanoseconds. */
    record Result(Form form, int rounds, long p50, long min, long max) {
        double recordsPerSecond() { return RECORDS / (p50 / 1e9); }
    }

    record Run(List<Result> results) {
        Result of(Form form) { return results.stream().filter(r -> r.form() == form).findFirst().orElseThrow(); }

        double ratio(Form form) { return (double) of(form).p50() / of(Form.EXECUTE_MULTIPLE).p50(); }
    }

    private final BenchServer server;
    private final HttpClient client;
    private final SdkHttp sdk;
    private final Consumer<String> progress;
    private int nextAccount = 2_000_000;

    WebApiBatchBench(BenchServer server, HttpClient client, SdkHttp sdk, Consumer<String> progress) {
        this.server = server;
        this.client = client;
        this.sdk = sdk;
        this.progress = progress;
    }

    Run measure() {
        progress.accept("$batch against ExecuteMultiple, " + RECORDS + " account Creates each, " + WARM_UP_ROUNDS
                + " warm-up and " + ROUNDS + " measured rounds");
        List<List<Long>> times = new ArrayList<>();
        for (int f = 0; f < Form.values().length; f++) times.add(new ArrayList<>());
        long before = accounts();
        int total = WARM_UP_ROUNDS + ROUNDS;
        for (int round = 0; round < total; round++) {
            Form[] forms = Form.values();
            for (int turn = 0; turn < forms.length; turn++) {
                // Each round starts with another form, so that none always follows the same one (and its garbage).
                Form form = forms[(round + turn) % forms.length];
                HttpRequest request = prepare(form, take());
                long begin = System.nanoTime();
                HttpResponse<byte[]> answer = send(request);
                long elapsed = System.nanoTime() - begin;
                verify(form, answer);
                if (round >= WARM_UP_ROUNDS) times.get(form.ordinal()).add(elapsed);
            }
        }
        long grown = accounts() - before;
        if (grown != (long) total * Form.values().length * RECORDS) {
            throw new IllegalStateException("The account table grew by " + grown + ", not by every account the batches answered");
        }
        List<Result> results = new ArrayList<>();
        for (Form form : Form.values()) {
            Samples s = new Samples(ROUNDS);
            times.get(form.ordinal()).forEach(s::add);
            Samples sorted = Samples.merge(List.of(s));
            Result r = new Result(form, ROUNDS, sorted.percentile(0.5), sorted.percentile(0), sorted.max());
            progress.accept(String.format(Locale.ROOT, "    %s: median %.1f ms", form.label, r.p50() / 1e6));
            results.add(r);
        }
        return new Run(List.copyOf(results));
    }

    private HttpRequest prepare(Form form, int first) {
        if (form == Form.EXECUTE_MULTIPLE) {
            return sdk.prepare(Accounts.executeMultipleBody(first, RECORDS, false));
        }
        String boundary = "dwa_batch_" + UUID.randomUUID();
        String body = batchBody(server.webApiUrl(), boundary, first, form == Form.CHANGE_SET);
        return HttpRequest.newBuilder(URI.create(server.webApiUrl() + "$batch")).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + server.token())
                .header("Content-Type", "multipart/mixed;boundary=" + boundary)
                .header("Accept", "application/json").header("OData-MaxVersion", "4.0").header("OData-Version", "4.0")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.getBytes(StandardCharsets.UTF_8)))
                .build();
    }

    /** The body dynamics-web-api writes for {@code RECORDS} creates of {@code collection: 'accounts'}. */
    static String batchBody(String api, String boundary, int first, boolean changeSet) {
        StringBuilder b = new StringBuilder();
        String set = "changeset_" + UUID.randomUUID();
        if (changeSet) b.append("\r\n--").append(boundary).append("\r\nContent-Type: multipart/mixed;boundary=").append(set);
        for (int i = 0; i < RECORDS; i++) {
            b.append(changeSet ? "\r\n\r\n--" + set : "\r\n--" + boundary);
            b.append("\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary");
            if (changeSet) b.append("\r\nContent-ID: ").append(100_001 + i);
            b.append("\r\n\r\nPOST ").append(api).append("accounts HTTP/1.1\r\nContent-Type: application/json\r\n\r\n")
                    .append(json(Accounts.account(first + i)));
        }
        if (changeSet) b.append("\r\n\r\n--").append(set).append("--");
        return b.append("\r\n\r\n--").append(boundary).append("--\r\n").toString();
    }

    /** An account in the Web API's JSON: money as a number, ASCII only (as the client escapes). */
    private static String json(Entity account) {
        StringBuilder j = new StringBuilder("{");
        for (String column : Accounts.COLUMNS) {
            Object v = account.get(column);
            if (j.length() > 1) j.append(',');
            j.append('"').append(column).append("\":");
            switch (v) {
                case String s -> j.append('"').append(s.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
                case Money m -> j.append(m.value().toPlainString());
                case BigDecimal d -> j.append(d.toPlainString());
                default -> j.append(v);
            }
        }
        return j.append('}').toString();
    }

    private HttpResponse<byte[]> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException("The request was not answered: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    private static void verify(Form form, HttpResponse<byte[]> answer) {
        if (form == Form.EXECUTE_MULTIPLE) {
            BulkLoad.createdIds(answer, RECORDS);
            return;
        }
        String body = new String(answer.body(), StandardCharsets.UTF_8);
        if (answer.statusCode() != 200) throw new IllegalStateException(form.label + " failed with HTTP " + answer.statusCode() + ": " + body);
        Matcher m = ENTITY_ID.matcher(body);
        int ids = 0;
        while (m.find()) ids++;
        if (ids != RECORDS) throw new IllegalStateException(form.label + " answered " + ids + " created accounts, not " + RECORDS);
    }

    private int take() {
        int first = nextAccount;
        nextAccount += RECORDS;
        return first;
    }

    private long accounts() {
        try (var c = server.connection(); var s = c.createStatement();
             var rs = s.executeQuery("SELECT COUNT(*) FROM " + server.table("account"))) {
            rs.next();
            return rs.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("Cannot count the accounts: " + e.getMessage(), e);
        }
    }

    /** The table of every database measured, with each {@code $batch} form's ratio to ExecuteMultiple and the verdict. */
    static String table(List<Report.DatabaseRun> runs) {
        StringBuilder t = new StringBuilder()
                .append("| Database | Request of ").append(RECORDS).append(" Creates | Rounds | median (ms) | min (ms) | max (ms) | Records/s |")
                .append(" vs ExecuteMultiple | Target: at most ").append(MAX_RATIO).append("× |\n")
                .append("|---|---|---:|---:|---:|---:|---:|---:|---|\n");
        for (Report.DatabaseRun run : runs) {
            Optional<Run> batch = run.webApiBatch();
            if (batch.isEmpty()) continue;
            for (Result r : batch.get().results()) {
                boolean reference = r.form() == Form.EXECUTE_MULTIPLE;
                double ratio = batch.get().ratio(r.form());
                t.append("| ").append(run.database()).append(" | ").append(r.form().label)
                        .append(" | ").append(r.rounds())
                        .append(String.format(Locale.ROOT, " | %.1f | %.1f | %.1f | %,.0f | ", r.p50() / 1e6, r.min() / 1e6, r.max() / 1e6, r.recordsPerSecond()))
                        .append(reference ? "1.00×" : String.format(Locale.ROOT, "%.2f×", ratio))
                        .append(" | ").append(reference ? "–" : ratio <= MAX_RATIO ? "met" : "**not met**").append(" |\n");
            }
        }
        return t.toString();
    }
}

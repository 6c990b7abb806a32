package org.xrm4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.xrm4j.cli.load.CsvReader;
import org.xrm4j.client.HttpOrganizationService;
import org.xrm4j.sdk.Entity;
import org.xrm4j.sdk.EntityReference;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.Money;
import org.xrm4j.sdk.OptionSetValue;
import org.xrm4j.sdk.query.ColumnSet;
import org.xrm4j.sdk.query.ConditionOperator;
import org.xrm4j.sdk.query.QueryExpression;
import org.xrm4j.sdk.OrganizationRequest;
import org.xrm4j.sdk.OrganizationResponse;
import org.xrm4j.sdk.messages.ExecuteMultipleRequest;
import org.xrm4j.server.TestServers;
import org.xrm4j.server.engine.PipelineStep;
import org.xrm4j.server.engine.StepContext;

/** {@code xrm4j load} against a real server: typed values, rejected and faulted rows, upserts, exit codes. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class LoadCommandContract {
    TestServers.TestServer server;
    HttpOrganizationService service;
    @TempDir Path dir;

    abstract String database();

    @BeforeAll void start() {
        server = TestServers.start(database());
        service = HttpOrganizationService.builder().baseUrl(server.orgUrl()).token(TestServers.ADMIN_TOKEN).build();
    }

    @AfterAll void stop() {
        if (service != null) service.close();
        if (server != null) server.close();
    }

    CliTest.Run load(Path csv, String... options) {
        List<String> args = new java.util.ArrayList<>(List.of("load", "--url", server.orgUrl(), "--token", TestServers.ADMIN_TOKEN,
                "--entity", "account", "--file", csv.toString()));
        args.addAll(List.of(options));
        return CliTest.run(args.toArray(String[]::new));
    }

    Path csv(String name, String content) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    Map<String, Entity> accounts(String prefix) {
        QueryExpression q = new QueryExpression("account").columnSet(ColumnSet.all());
        q.criteria().addCondition("name", ConditionOperator.BeginsWith, prefix);
        return service.retrieveMultiple(q).entities().stream()
                .collect(Collectors.toMap(e -> (String) e.get("name"), Function.identity()));
    }

    /** The failures file as row → ErrorCode. */
    static Map<String, String> failures(Path file) {
        Map<String, String> rows = new java.util.LinkedHashMap<>();
        try (CsvReader reader = CsvReader.open(file)) {
            assertThat(reader.next().fields()).containsExactly("row", "ErrorCode", "Message");
            for (CsvReader.Record r = reader.next(); r != null; r = reader.next()) rows.put(r.fields().get(0), r.fields().get(1));
        }
        return rows;
    }

    static String code(org.xrm4j.sdk.ErrorCode code) { return String.valueOf(code.code()); }

    @Test void everyTypeLoadsAndBadRowsAreReported() throws Exception {
        UUID contact = service.create(new Entity("contact").set("lastname", "Lookup Target"));
        String t = "ty" + UUID.randomUUID().toString().substring(0, 6);
        Path file = csv("types.csv", "\uFEFFname,accountnumber,numberofemployees,revenue,donotemail,industrycode,"
                + "lastusedincampaign,address1_latitude,exchangerate,primarycontactid,description\r\n"
                + "\"" + t + " Alpha, Inc.\",A-1,10,1234.50,yes,Accounting,2026-03-01,12.5,1.25,contact:" + contact + ","
                + "\"two\nlines with \"\"quotes\"\"\"\r\n"
                + t + " Beta,B-2,20,0.99,0,2,2026-03-01T10:15:00Z,-45,,\"" + contact + "\",\r\n"
                + t + " Gamma,C-3,ten,,,,,,,,\r\n"                            // row 3: not a number
                + t + " Delta,D-4,,,,No Such Industry,,,,,\r\n"              // row 4: unknown option label
                + "\r\n"                                                     // row 5: blank, skipped
                + t + " Epsilon,E-5,-5,,,,,,,,\r\n"                          // row 6: out of range: the server's fault
                + t + " Zoë Ünicode,Z-7,,,,,,,,,\r\n"                        // row 7
                + t + " Short,S-8\r\n"                                       // row 8: too few fields
                + t + " Lead,L-9,,,,,,,,lead:" + UUID.randomUUID() + ",\r\n"); // row 9: a target the lookup lacks

        CliTest.Run r = load(file, "--batch", "2");
        assertThat(r.exit()).as(r.err()).isEqualTo(1);
        assertThat(r.out()).contains("records 8, succeeded 3, failed 5");

        Map<String, Entity> loaded = accounts(t);
        assertThat(loaded).containsOnlyKeys(t + " Alpha, Inc.", t + " Beta", t + " Zoë Ünicode");
        Entity alpha = loaded.get(t + " Alpha, Inc.");
        assertThat(alpha.get("accountnumber")).isEqualTo("A-1");
        assertThat(alpha.get("numberofemployees")).isEqualTo(10);
        assertThat(alpha.get("revenue")).isEqualTo(new Money("1234.50"));
        assertThat(alpha.get("donotemail")).isEqualTo(true);
        assertThat(alpha.get("industrycode")).isEqualTo(new OptionSetValue(1));
        assertThat(alpha.get("lastusedincampaign")).isEqualTo(Instant.parse("2026-03-01T00:00:00Z"));
        assertThat(alpha.get("address1_latitude")).isEqualTo(12.5);
        assertThat((BigDecimal) alpha.get("exchangerate")).isEqualByComparingTo("1.25");
        assertThat(((EntityReference) alpha.get("primarycontactid")).id()).isEqualTo(contact);
        assertThat(alpha.get("description")).isEqualTo("two\nlines with \"quotes\"");
        Entity beta = loaded.get(t + " Beta");
        assertThat(beta.get("donotemail")).isEqualTo(false);
        assertThat(beta.get("industrycode")).isEqualTo(new OptionSetValue(2));
        assertThat(beta.get("lastusedincampaign")).isEqualTo(Instant.parse("2026-03-01T10:15:00Z"));
        assertThat(beta.get("exchangerate")).isNull();
        assertThat(((EntityReference) beta.get("primarycontactid")).logicalName()).isEqualTo("contact");

        Map<String, String> failed = failures(dir.resolve("types.csv.failures.csv"));
        assertThat(failed.keySet()).containsExactly("3", "4", "6", "8", "9");
        assertThat(failed.get("3")).isEqualTo(code(ErrorCodes.InvalidArgument));
        assertThat(failed.get("4")).isEqualTo(code(ErrorCodes.InvalidArgument));
        assertThat(failed.get("6")).isEqualTo(code(ErrorCodes.Validation));
        assertThat(failed.get("8")).isEqualTo(code(ErrorCodes.InvalidArgument));
        assertThat(failed.get("9")).isEqualTo(code(ErrorCodes.InvalidArgument));
    }

    @Test void aColumnTheTableLacksFailsOnlyTheRowsThatFillIt() throws Exception {
        String t = "uc" + UUID.randomUUID().toString().substring(0, 6);
        Path file = csv("unknown.csv", "name,nosuchcolumn\n" + t + " one,\n" + t + " two,value\n" + t + " three,\n");
        Path failuresFile = dir.resolve("unknown-failures.csv");

        CliTest.Run r = load(file, "--failures", failuresFile.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("nosuchcolumn");
        assertThat(accounts(t)).containsOnlyKeys(t + " one", t + " three");
        assertThat(failures(failuresFile)).containsExactly(Map.entry("2", code(ErrorCodes.QueryBuilderNoAttribute)));
    }

    @Test void upsertUpdatesExistingRecordsAndCreatesNewOnes() throws Exception {
        String t = "up" + UUID.randomUUID().toString().substring(0, 6);
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID third = UUID.randomUUID();
        CliTest.Run created = load(csv("create.csv", "accountid,name,numberofemployees\n" + first + "," + t + " A,1\n" + second + "," + t + " B,2\n"));
        assertThat(created.exit()).as(created.err() + created.out()).isZero();
        assertThat(service.retrieve("account", first, new ColumnSet("name")).get("name")).isEqualTo(t + " A");

        CliTest.Run again = load(csv("upsert.csv", "accountid,name,numberofemployees\n" + first + "," + t + " A,100\n"
                + third + "," + t + " C,3\n"), "--upsert");
        assertThat(again.exit()).as(again.err() + again.out()).isZero();
        Map<String, Entity> accounts = accounts(t);
        assertThat(accounts).containsOnlyKeys(t + " A", t + " B", t + " C");
        assertThat(accounts.get(t + " A").get("numberofemployees")).isEqualTo(100);
        assertThat(accounts.get(t + " A").id()).isEqualTo(first);
        assertThat(accounts.get(t + " B").get("numberofemployees")).isEqualTo(2);
        assertThat(accounts.get(t + " C").id()).isEqualTo(third);

        CliTest.Run duplicate = load(csv("dup.csv", "accountid,name\n" + second + "," + t + " B again\n"));
        assertThat(duplicate.exit()).isEqualTo(1);
        assertThat(failures(dir.resolve("dup.csv.failures.csv"))).containsOnlyKeys("1");
    }

    @Test void batchAndParallelShapeTheRequests() throws Exception {
        String t = "bp" + UUID.randomUUID().toString().substring(0, 6);
        StringBuilder rows = new StringBuilder("name\n");
        for (int i = 0; i < 50; i++) rows.append(t).append(' ').append(i).append('\n');
        Path file = csv("shape.csv", rows.toString());
        List<Integer> sizes = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger maxInFlight = new java.util.concurrent.atomic.AtomicInteger();
        PipelineStep observer = new PipelineStep() {
            @Override public String messageName() { return "ExecuteMultiple"; }

            @Override public int stage() { return PRE_VALIDATION; }

            @Override public void execute(StepContext context, OrganizationRequest request, OrganizationResponse response) {
                sizes.add(((ExecuteMultipleRequest) request).requests().size());
                maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                try {
                    Thread.sleep(40); // long enough for the batches of two workers to overlap here
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    inFlight.decrementAndGet();
                }
            }
        };
        server.server().engine().pipeline().register(observer);
        try {
            CliTest.Run r = load(file, "--batch", "7", "--parallel", "2");
            assertThat(r.exit()).as(r.err()).isZero();
        } finally {
            server.server().engine().pipeline().unregister(observer);
        }
        assertThat(sizes).hasSize(8).containsOnly(7, 1).filteredOn(n -> n == 1).hasSize(1);
        assertThat(maxInFlight.get()).isEqualTo(2);
        assertThat(accounts(t)).hasSize(50);
    }

    @Test void usageErrorsExitWithTwo() throws Exception {
        Path names = csv("names.csv", "name\nx\n");
        assertThat(load(names, "--upsert").exit()).isEqualTo(2);
        assertThat(load(names, "--batch", "0").exit()).isEqualTo(2);
        assertThat(load(dir.resolve("missing.csv")).exit()).isEqualTo(2);
        assertThat(load(names, "--failures", dir.resolve("no/such/folder/f.csv").toString()).exit()).isEqualTo(2);
        assertThat(load(csv("empty.csv", "")).exit()).isEqualTo(2);
        assertThat(load(csv("twice.csv", "name,Name\nx,y\n")).exit()).isEqualTo(2);
        assertThat(CliTest.run("load", "--url", server.orgUrl(), "--token", TestServers.ADMIN_TOKEN, "--entity", "nosuchtable",
                "--file", names.toString()).exit()).isEqualTo(2);
        assertThat(CliTest.run("load", "--entity", "account").exit()).isEqualTo(2);
    }

    @Test void helpDescribesTheOptions() {
        CliTest.Run r = CliTest.run("load", "--help");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("Usage:", "--entity", "--file", "--batch", "--parallel", "--upsert", "--failures");
    }
}

package org.xrm4j.cli.load;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;
import org.xrm4j.client.BulkProgressListener;
import org.xrm4j.sdk.OrganizationServiceFault;

/**
 * Shows a load's progress on standard error: on a terminal a bar redrawn in place with {@code \r} (records/s and
 * ETA), elsewhere (a log, a pipe, a test) a plain line every few seconds so logs stay readable. Rows rejected before
 * sending count as done, since they are finished with.
 */
public final class LoadProgress implements BulkProgressListener {
    private static final int BAR = 30;

    private final PrintStream out;
    private final boolean terminal;
    private final long total;
    private final LongSupplier rejected;
    private final long interval;
    private final long start = System.nanoTime();
    private long lastLine = start;
    private int drawn;

    /**
     * {@code total} is the number of data rows (-1 when unknown); {@code rejected} tells how many were rejected so far;
     * {@code interval} is the time between plain lines.
     */
    public LoadProgress(PrintStream out, boolean terminal, long total, LongSupplier rejected, Duration interval) {
        this.out = out;
        this.terminal = terminal;
        this.total = total;
        this.rejected = rejected;
        this.interval = interval.toNanos();
    }

    /** Whether standard error is a terminal worth redrawing on. */
    public static boolean onTerminal() {
        java.io.Console console = System.console();
        return console != null && console.isTerminal();
    }

    @Override public synchronized void progress(long sent, long expected, long faulted) {
        long now = System.nanoTime();
        long done = sent + rejected.getAsLong();
        long failed = faulted + rejected.getAsLong();
        double seconds = Math.max((now - start) / 1e9, 1e-3);
        double rate = sent / seconds;
        if (terminal) {
            draw(bar(done) + String.format(Locale.ROOT, " %,d/%s  %,.0f rec/s  ETA %s  failed %,d", done, totalText(),
                    rate, eta(done, rate), failed));
        } else if (now - lastLine >= interval) {
            lastLine = now;
            out.println(String.format(Locale.ROOT, "load: %,d/%s records, %,.0f records/s, ETA %s, %,d failed", done,
                    totalText(), rate, eta(done, rate), failed));
        }
    }

    @Override public synchronized void retrying(OrganizationServiceFault fault, Duration delay, int attempt) {
        endLine();
        out.println(String.format(Locale.ROOT, "load: the server asked to slow down (%s); retry %d in %.1f s",
                fault.catalogued().name(), attempt, delay.toMillis() / 1000.0));
    }

    /** Ends the bar's line so what follows starts on a fresh one. */
    public synchronized void finish() { endLine(); }

    private void endLine() {
        if (drawn > 0) out.println();
        drawn = 0;
    }

    private void draw(String line) {
        // Pad over the previous line's tail: \r returns the cursor but does not clear.
        String padded = line.length() < drawn ? line + " ".repeat(drawn - line.length()) : line;
        out.print("\r" + padded);
        out.flush();
        drawn = line.length();
    }

    private String bar(long done) {
        if (total <= 0) return "";
        int filled = (int) Math.min(BAR, done * BAR / total);
        return "[" + "#".repeat(filled) + "-".repeat(BAR - filled) + String.format(Locale.ROOT, "] %3d%%", done * 100 / total);
    }

    private String totalText() { return total < 0 ? "?" : String.format(Locale.ROOT, "%,d", total); }

    private String eta(long done, double rate) {
        if (total < 0 || rate <= 0) return "?";
        long left = Math.round(Math.max(0, total - done) / rate);
        return left >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", left / 3600, left / 60 % 60, left % 60)
                : String.format(Locale.ROOT, "%d:%02d", left / 60, left % 60);
    }
}

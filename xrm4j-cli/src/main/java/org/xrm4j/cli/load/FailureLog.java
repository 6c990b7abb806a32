package org.xrm4j.cli.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The rows that did not load: rejected before sending or faulted by the server. Kept in memory and written sorted by
 * row, because server faults arrive in batch completion order, which parallel batches shuffle.
 */
public final class FailureLog {
    private record Failure(long row, String errorCode, String message) {}

    private final List<Failure> failures = new ArrayList<>();
    private long rejected;

    /** A row that never reached the server. */
    public synchronized void rejected(long row, int errorCode, String message) {
        rejected++;
        failures.add(new Failure(row, String.valueOf(errorCode), message));
    }

    /** A row the server did not take; {@code errorCode} is empty for a row that was never run. */
    public synchronized void failed(long row, String errorCode, String message) {
        failures.add(new Failure(row, errorCode, message));
    }

    public synchronized long rejectedCount() { return rejected; }

    public synchronized long count() { return failures.size(); }

    /** Writes row,ErrorCode,Message; the header alone when nothing failed, so the file always tells of the last run. */
    public synchronized void write(Path file) {
        List<Failure> sorted = new ArrayList<>(failures);
        sorted.sort(Comparator.comparingLong(Failure::row));
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(CsvWriter.record(List.of("row", "ErrorCode", "Message")));
            for (Failure f : sorted) out.write(CsvWriter.record(List.of(String.valueOf(f.row()), f.errorCode(), f.message())));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}

package org.xrm4j.cli.load;

import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.xrm4j.sdk.Entity;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.OrganizationRequest;
import org.xrm4j.sdk.messages.CreateRequest;
import org.xrm4j.sdk.messages.UpsertRequest;

/**
 * The requests of a CSV's data rows, read as the executor asks for them: rows that cannot become records go to the
 * failure log instead, and each request's index maps back to its row number (1-based, counting data rows, blank
 * lines included so the numbers match what a spreadsheet shows).
 *
 * <p>The executor reads this iterator on one thread while its workers ask {@link #rowOf} from others, hence the
 * locking around the row table.
 */
public final class CsvRequests implements Iterator<OrganizationRequest> {
    private final CsvReader csv;
    private final RecordMapper mapper;
    private final boolean upsert;
    private final FailureLog failures;
    private long[] rows = new long[1024];
    private int sent;
    private long row;
    private OrganizationRequest next;
    private boolean done;

    public CsvRequests(CsvReader csv, RecordMapper mapper, boolean upsert, FailureLog failures) {
        this.csv = csv;
        this.mapper = mapper;
        this.upsert = upsert;
        this.failures = failures;
    }

    @Override public boolean hasNext() {
        while (next == null && !done) {
            CsvReader.Record record = csv.next();
            if (record == null) {
                done = true;
                break;
            }
            row++;
            if (record.blank()) continue;
            if (record.malformed()) {
                failures.rejected(row, ErrorCodes.InvalidArgument.code(), "A quoted field is not closed before the end of the file.");
                continue;
            }
            try {
                Entity entity = mapper.map(record.fields());
                if (upsert && entity.id() == null) {
                    throw new RecordMapper.RowRejected(ErrorCodes.InvalidArgument, "--upsert needs the primary key, and this row leaves it empty.");
                }
                next = upsert ? new UpsertRequest(entity) : new CreateRequest(entity);
                remember(row);
            } catch (RecordMapper.RowRejected e) {
                failures.rejected(row, e.code().code(), e.getMessage());
            }
        }
        return next != null;
    }

    @Override public OrganizationRequest next() {
        if (!hasNext()) throw new NoSuchElementException();
        OrganizationRequest r = next;
        next = null;
        return r;
    }

    private synchronized void remember(long dataRow) {
        if (sent == rows.length) rows = Arrays.copyOf(rows, rows.length * 2);
        rows[sent++] = dataRow;
    }

    /** The data row number of the request at {@code index}. */
    public synchronized long rowOf(long index) { return rows[(int) index]; }

    /** Counts a file's non-blank data rows, for progress: a quick pass that converts nothing. */
    public static long countRows(java.nio.file.Path file) {
        long count = -1;
        try (CsvReader reader = CsvReader.open(file)) {
            for (CsvReader.Record r = reader.next(); r != null; r = reader.next()) if (!r.blank()) count++;
        }
        return Math.max(count, 0);
    }
}

package org.xrm4j.cli.load;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV as RFC 4180 writes it, one record at a time: fields separated by commas, records by CRLF or LF, a field
 * in double quotes may hold commas, line breaks and doubled quotes. UTF-8, with an optional byte-order mark;
 * invalid UTF-8 is an error, not silently replaced text.
 *
 * <p>Lenient where nothing is lost: a quote inside an unquoted field is kept as a character, and text after a
 * closing quote is appended to the field. A quoted field still open at the end of the input cannot be recovered
 * (it swallowed everything after it), so that last record comes back {@linkplain Record#malformed() malformed}.
 */
public final class CsvReader implements Closeable {
    private static final int BOM = 0xFEFF;

    private final Reader in;
    private final char[] buffer = new char[1 << 16];
    private int position;
    private int limit;
    private int pushedBack = -2;
    private boolean first = true;
    private boolean eof;
    private long records;

    /** One record: its fields, and whether the input ended inside a quoted field. */
    public record Record(List<String> fields, boolean malformed) {
        /** A blank line: one empty field. */
        public boolean blank() { return fields.size() == 1 && fields.getFirst().isEmpty(); }
    }

    public CsvReader(Reader in) { this.in = in; }

    public static CsvReader open(Path file) {
        try {
            InputStream stream = Files.newInputStream(file);
            return new CsvReader(new InputStreamReader(stream, StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The next record, or {@code null} at the end of the input. */
    public Record next() {
        try {
            return read();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new UncheckedIOException("The file is not UTF-8 text (invalid bytes near record " + (records + 1) + ").", e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the CSV: " + e.getMessage(), e);
        }
    }

    private Record read() throws IOException {
        if (eof) return null;
        int c = nextChar();
        if (c == -1) {
            eof = true;
            return null;
        }
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        while (true) {
            if (quoted) {
                if (c == -1) {
                    eof = true;
                    fields.add(field.toString());
                    return new Record(fields, true);
                }
                if (c == '"') {
                    int d = nextChar();
                    if (d == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        c = d;
                        continue;
                    }
                } else {
                    field.append((char) c);
                }
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r' || c == -1) {
                if (c == '\r') {
                    int d = nextChar();
                    if (d != '\n') pushBack(d);
                }
                if (c == -1) eof = true;
                fields.add(field.toString());
                records++;
                return new Record(fields, false);
            } else if (c == '"' && field.isEmpty()) {
                quoted = true;
            } else {
                field.append((char) c);
            }
            c = nextChar();
        }
    }

    private int nextChar() throws IOException {
        int c;
        if (pushedBack != -2) {
            c = pushedBack;
            pushedBack = -2;
        } else {
            if (position == limit) {
                limit = in.read(buffer, 0, buffer.length);
                position = 0;
            }
            c = limit <= 0 ? -1 : buffer[position++];
        }
        if (first) {
            first = false;
            if (c == BOM) return nextChar();
        }
        return c;
    }

    private void pushBack(int c) { pushedBack = c; }

    @Override public void close() {
        try {
            in.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

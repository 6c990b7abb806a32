package org.xrm4j.cli.load;

import java.util.List;

/** Writes CSV records as RFC 4180 does: a field is quoted when it holds a comma, a quote or a line break. */
public final class CsvWriter {
    private CsvWriter() {}

    /** One record, ending in CRLF as the RFC writes it. */
    public static String record(List<String> fields) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) b.append(',');
            b.append(field(fields.get(i)));
        }
        return b.append("\r\n").toString();
    }

    public static String field(String value) {
        if (value == null) return "";
        boolean quote = false;
        for (int i = 0; i < value.length() && !quote; i++) {
            char c = value.charAt(i);
            quote = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }
}

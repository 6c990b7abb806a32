package org.xrm4j.cli.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CSV reader and writer against RFC 4180's cases and the ways real files bend them. */
class LoadCsvReaderTest {
    static List<CsvReader.Record> read(String text) {
        List<CsvReader.Record> records = new ArrayList<>();
        try (CsvReader reader = new CsvReader(new StringReader(text))) {
            for (CsvReader.Record r = reader.next(); r != null; r = reader.next()) records.add(r);
        }
        return records;
    }

    static List<List<String>> fields(String text) { return read(text).stream().map(CsvReader.Record::fields).toList(); }

    @Test void plainFieldsAndBothLineEndings() {
        assertThat(fields("a,b,c\r\n1,2,3\n4,5,6")).containsExactly(List.of("a", "b", "c"), List.of("1", "2", "3"), List.of("4", "5", "6"));
        assertThat(fields("a,b\n")).containsExactly(List.of("a", "b"));
        assertThat(fields("a,b\r")).containsExactly(List.of("a", "b"));
    }

    @Test void quotedFieldsHoldCommasQuotesAndLineBreaks() {
        assertThat(fields("\"Contoso, Ltd\",\"say \"\"hi\"\"\",\"two\r\nlines\"\r\nnext,row\r\n"))
                .containsExactly(List.of("Contoso, Ltd", "say \"hi\"", "two\r\nlines"), List.of("next", "row"));
    }

    @Test void emptyFieldsStayEmpty() {
        assertThat(fields(",,\n\"\",x,\"\"\n")).containsExactly(List.of("", "", ""), List.of("", "x", ""));
    }

    @Test void aByteOrderMarkIsSkipped() {
        assertThat(fields("\uFEFFname,city\nZoë,Zürich\n")).containsExactly(List.of("name", "city"), List.of("Zoë", "Zürich"));
    }

    @Test void blankLinesAreBlankRecords() {
        List<CsvReader.Record> records = read("a\n\nb\n");
        assertThat(records).extracting(CsvReader.Record::blank).containsExactly(false, true, false);
    }

    @Test void strayQuotesAreKeptAsText() {
        assertThat(fields("5\" screen,\"quoted\"tail\n")).containsExactly(List.of("5\" screen", "quotedtail"));
    }

    @Test void aQuoteOpenAtTheEndIsMalformed() {
        List<CsvReader.Record> records = read("a,b\n1,\"never closed\n2,3\n");
        assertThat(records.get(0).malformed()).isFalse();
        assertThat(records.get(1).malformed()).isTrue();
        assertThat(records.get(1).fields()).containsExactly("1", "never closed\n2,3\n");
        assertThat(records).hasSize(2);
    }

    @Test void longInputsCrossTheBuffer() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 20_000; i++) b.append(i).append(",\"v,").append(i).append("\"\n");
        List<List<String>> rows = fields(b.toString());
        assertThat(rows).hasSize(20_000);
        assertThat(rows.get(19_999)).containsExactly("19999", "v,19999");
    }

    @Test void invalidUtf8IsAnErrorNotGarbage(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("latin1.csv");
        Files.write(file, new byte[] {'n', 'a', 'm', 'e', '\n', 'Z', 'o', (byte) 0xEB, '\n'});
        try (CsvReader reader = CsvReader.open(file)) {
            assertThatThrownBy(reader::next).isInstanceOf(UncheckedIOException.class).hasMessageContaining("not UTF-8");
        }
    }

    @Test void theWriterQuotesOnlyWhatNeedsIt() {
        assertThat(CsvWriter.record(List.of("7", "-2147220989", "a, \"b\"\nc"))).isEqualTo("7,-2147220989,\"a, \"\"b\"\"\nc\"\r\n");
        String written = CsvWriter.record(List.of("x,y", "plain", "")) + CsvWriter.record(List.of("1", "\"", "\r\n"));
        assertThat(fields(written)).containsExactly(List.of("x,y", "plain", ""), List.of("1", "\"", "\r\n"));
    }
}

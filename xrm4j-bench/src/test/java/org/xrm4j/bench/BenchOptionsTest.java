package org.xrm4j.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchOptionsTest {
    @Test void defaultsMeasureBothDatabasesAndWriteTheDocument() {
        BenchOptions o = BenchOptions.parse(new String[0], null);
        assertThat(o.databases()).containsExactly("h2", "postgresql");
        assertThat(o.window()).isEqualTo(Duration.ofSeconds(10));
        assertThat(o.warmUp()).isEqualTo(Duration.ofSeconds(3));
        assertThat(o.threads()).isEqualTo(8);
        assertThat(o.doc()).contains(Path.of("docs", "benchmarks.md"));
        assertThat(o.postgresUrl()).isEqualTo(BenchOptions.DEFAULT_PG_URL);
    }

    @Test void optionsOverrideTheDefaults() {
        BenchOptions o = BenchOptions.parse(new String[] {"--db", "postgresql", "--seconds", "5", "--threads", "4", "--no-doc",
                "--note", "shared machine"}, "jdbc:postgresql://db:5432/other");
        assertThat(o.databases()).isEqualTo(List.of("postgresql"));
        assertThat(o.window()).isEqualTo(Duration.ofSeconds(5));
        assertThat(o.threads()).isEqualTo(4);
        assertThat(o.doc()).isEmpty();
        assertThat(o.note()).contains("shared machine");
        assertThat(o.postgresUrl()).isEqualTo("jdbc:postgresql://db:5432/other");
    }

    @Test void badValuesAreRejectedWithTheOptionsName() {
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--seconds", "0"}, null)).hasMessageContaining("--seconds");
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--db", "oracle"}, null)).hasMessageContaining("--db");
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--threads"}, null)).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--fast"}, null)).hasMessageContaining("Unknown option");
    }
}

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
        assertThat(o.single()).isTrue();
        assertThat(o.bulk()).isTrue();
        assertThat(o.bulkLoad()).isEqualTo(new BenchOptions.Bulk(20_000, 1000, List.of(1, 2), 150, 5));
        assertThat(o.bulkLoad().batches()).isEqualTo(20);
    }

    @Test void bulkOptionsSelectAndShapeTheBulkLoad() {
        BenchOptions o = BenchOptions.parse(new String[] {"--bench", "bulk", "--bulk-records", "2500", "--bulk-batch", "1000",
                "--bulk-parallel", "2,4,2", "--bulk-warmup", "0", "--bulk-repeats", "3"}, null);
        assertThat(o.single()).isFalse();
        assertThat(o.bulk()).isTrue();
        assertThat(o.bulkLoad()).isEqualTo(new BenchOptions.Bulk(2500, 1000, List.of(2, 4), 0, 3));
        assertThat(o.bulkLoad().batches()).isEqualTo(3);
        assertThat(BenchOptions.parse(new String[] {"--bench", "single"}, null).bulk()).isFalse();
        BenchOptions solution = BenchOptions.parse(new String[] {"--bench", "solution"}, null);
        assertThat(solution.solution()).isTrue();
        assertThat(solution.bulk() || solution.single() || solution.async()).isFalse();
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--bench", "fast"}, null)).hasMessageContaining("--bench");
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--bulk-parallel", "1,0"}, null)).hasMessageContaining("--bulk-parallel");
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--bulk-warmup", "-1"}, null)).hasMessageContaining("non-negative");
    }

    @Test void webApiBatchIsPartOfAllAndRunsAlone() {
        assertThat(BenchOptions.parse(new String[0], null).webApiBatch()).isTrue();
        BenchOptions alone = BenchOptions.parse(new String[] {"--bench", "webapi-batch"}, null);
        assertThat(alone.webApiBatch()).isTrue();
        assertThat(alone.single() || alone.bulk() || alone.async() || alone.solution()).isFalse();
        assertThat(BenchOptions.parse(new String[] {"--bench", "bulk"}, null).webApiBatch()).isFalse();
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

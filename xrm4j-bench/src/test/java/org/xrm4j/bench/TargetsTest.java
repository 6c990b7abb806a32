package org.xrm4j.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TargetsTest {
    private static final BenchOptions.Bulk SHAPE = new BenchOptions.Bulk(20_000, 1000, List.of(1, 2), 5, 1);

    /** A run whose bulk load took {@code seconds} per 20,000 records with one stream and half that with two. */
    private static Report.DatabaseRun run(String database, double seconds, double rawSeconds, long heapBytes, boolean withSingle) {
        List<BulkLoad.Result> loads = List.of(new BulkLoad.Result(1, 20_000, 20, seconds, 1, 1, 1, 1),
                new BulkLoad.Result(2, 20_000, 20, seconds / 2, 1, 1, 1, 1));
        BulkBench.Run bulk = new BulkBench.Run(SHAPE, loads, new RawJdbcInsert.Result(20_000, 20, rawSeconds, 1, 1, 1, 8, 1, List.of(20_000 / rawSeconds)),
                new BatchHeap.Result(100_000_000L, 100_000_000L + heapBytes, 0, 40));
        List<Workload.Result> single = withSingle ? List.of(new Workload.Result("Create", 1, 15_000, 0, 10, 1, 1, 1)) : List.of();
        return new Report.DatabaseRun(database, "test", single, Optional.of(bulk), Optional.empty(), Optional.empty(), Optional.empty());
    }

    private static Targets.Check find(List<Targets.Check> checks, String prefix, int streams) {
        return checks.stream().filter(c -> c.target().startsWith(prefix) && c.streams().equals(Optional.of(streams))).findFirst().orElseThrow();
    }

    @Test void postgresqlRatesAreJudgedPerStreamCountAgainstRawJdbcAndSingleCreate() {
        // 1 stream: 25,000 records/s; 2 streams: 50,000. Raw JDBC 100,000 rows/s; single Create 1,500/s.
        List<Targets.Check> checks = Targets.check(run("PostgreSQL", 0.8, 0.2, 10_000_000, true));
        assertThat(find(checks, "At least 30,000", 1).met()).contains(false);
        assertThat(find(checks, "At least 30,000", 2).met()).contains(true);
        assertThat(find(checks, "At least 1/3", 1).met()).contains(false);
        assertThat(find(checks, "At least 1/3", 2).met()).contains(true);
        assertThat(find(checks, "At least 1/3", 2).remark()).contains("aim of 1/2 is reached");
        assertThat(find(checks, "At least 15 times", 1).measured()).isEqualTo("16.7×");
        assertThat(find(checks, "At least 15 times", 1).met()).contains(true);
        assertThat(checks.getLast().target()).startsWith("Heap");
        assertThat(checks.getLast().met()).contains(true);
    }

    @Test void h2HasItsOwnRateAndNoRawFractionTarget() {
        List<Targets.Check> checks = Targets.check(run("H2", 0.5, 0.2, 60_000_000, true));
        assertThat(find(checks, "At least 50,000", 2).met()).contains(true);
        assertThat(checks).noneMatch(c -> c.target().startsWith("At least 1/3"));
        assertThat(checks.getLast().verdict()).isEqualTo("**not met**");
    }

    @Test void withoutSingleCreateTheRatioIsNotMeasured() {
        Targets.Check c = find(Targets.check(run("H2", 0.5, 0.2, 1, false)), "At least 15 times", 1);
        assertThat(c.met()).isEmpty();
        assertThat(c.verdict()).isEqualTo("not measured");
    }
}

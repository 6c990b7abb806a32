package org.xrm4j.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RepetitionsTest {
    @Test void theMedianIsTheMiddleRateWhateverTheOrder() {
        List<Double> rates = List.of(52_000.0, 11_000.0, 48_000.0, 60_000.0, 45_000.0);
        assertThat(Repetitions.median(rates, r -> r)).isEqualTo(48_000.0);
        assertThat(Repetitions.rates(rates, r -> r)).containsExactlyElementsOf(rates);
    }

    @Test void ofAnEvenCountTheSlowerMiddleOneCounts() {
        assertThat(Repetitions.median(List.of(40.0, 10.0, 30.0, 20.0), r -> r)).isEqualTo(20.0);
        assertThat(Repetitions.median(List.of(7.0), r -> r)).isEqualTo(7.0);
    }

    @Test void aBulkResultKeepsTheMedianRepetitionAndEveryRate() {
        BulkLoad.Result slow = new BulkLoad.Result(2, 20_000, 20, 2.0, 1, 1, 1, 100);
        BulkLoad.Result middle = new BulkLoad.Result(2, 20_000, 20, 0.4, 2, 2, 2, 200);
        BulkLoad.Result fast = new BulkLoad.Result(2, 20_000, 20, 0.25, 3, 3, 3, 300);
        BulkLoad.Result median = BulkLoad.Result.median(List.of(fast, slow, middle));
        assertThat(median.recordsPerSecond()).isEqualTo(50_000.0);
        assertThat(median.cpuNanos()).isEqualTo(200);
        assertThat(median.repetitions()).containsExactly(80_000.0, 10_000.0, 50_000.0);
    }
}

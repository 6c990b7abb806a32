package org.xrm4j.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SamplesTest {
    @Test void percentilesAreNearestRankOverAllParts() {
        Samples a = new Samples(1);
        Samples b = new Samples(1);
        for (int i = 1; i <= 100; i++) (i % 2 == 0 ? a : b).add(101 - i);
        Samples all = Samples.merge(List.of(a, b));
        assertThat(all.size()).isEqualTo(100);
        assertThat(all.percentile(0.50)).isEqualTo(50);
        assertThat(all.percentile(0.99)).isEqualTo(99);
        assertThat(all.percentile(1.0)).isEqualTo(100);
        assertThat(all.max()).isEqualTo(100);
    }

    @Test void aSingleSampleIsEveryPercentile() {
        Samples all = Samples.merge(List.of(one(7)));
        assertThat(all.percentile(0.5)).isEqualTo(7);
        assertThat(all.percentile(0.99)).isEqualTo(7);
    }

    @Test void noSamplesReadAsZero() {
        Samples none = Samples.merge(List.of(new Samples(4)));
        assertThat(none.percentile(0.99)).isZero();
        assertThat(none.max()).isZero();
    }

    private static Samples one(long v) {
        Samples s = new Samples(1);
        s.add(v);
        return s;
    }
}

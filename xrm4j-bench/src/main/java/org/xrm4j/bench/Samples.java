package org.xrm4j.bench;

import java.util.Arrays;
import java.util.List;

/**
 * Request latencies in nanoseconds. Each client thread fills its own instance (no sharing, no locks on the measured
 * path); {@link #merge} joins them and sorts once, after the window, so percentiles are exact rather than bucketed.
 * A 10-second window at tens of thousands of requests a second is a few megabytes: cheaper than being clever.
 */
final class Samples {
    private long[] values;
    private int size;

    Samples(int initialCapacity) { values = new long[Math.max(16, initialCapacity)]; }

    void add(long nanos) {
        if (size == values.length) values = Arrays.copyOf(values, size * 2);
        values[size++] = nanos;
    }

    int size() { return size; }

    /** All samples of the given parts, sorted. */
    static Samples merge(List<Samples> parts) {
        Samples all = new Samples(parts.stream().mapToInt(Samples::size).sum());
        for (Samples p : parts) {
            System.arraycopy(p.values, 0, all.values, all.size, p.size);
            all.size += p.size;
        }
        Arrays.sort(all.values, 0, all.size);
        return all;
    }

    /**
     * The nearest-rank percentile of sorted samples ({@code q} in 0..1): the smallest sample with at least
     * {@code q} of all samples at or below it. Zero when there are none.
     */
    long percentile(double q) {
        if (size == 0) return 0;
        int rank = (int) Math.ceil(q * size);
        return values[Math.clamp(rank - 1, 0, size - 1)];
    }

    long max() { return size == 0 ? 0 : values[size - 1]; }
}

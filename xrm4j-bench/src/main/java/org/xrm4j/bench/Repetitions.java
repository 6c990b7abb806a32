package org.xrm4j.bench;

import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;

/** The median of a repeated measurement, by rate; of an even count, the slower middle one. */
final class Repetitions {
    private Repetitions() {}

    static <T> T median(List<T> repeated, ToDoubleFunction<T> rate) {
        List<T> byRate = repeated.stream().sorted(Comparator.comparingDouble(rate)).toList();
        return byRate.get((byRate.size() - 1) / 2);
    }

    /** Every repetition's rate, in the order they were measured. */
    static <T> List<Double> rates(List<T> repeated, ToDoubleFunction<T> rate) {
        return repeated.stream().map(rate::applyAsDouble).toList();
    }
}

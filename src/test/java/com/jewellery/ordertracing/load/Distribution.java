package com.jewellery.ordertracing.load;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Values seen during a run (milliseconds, megabytes, seconds), and their nearest-rank percentiles. */
final class Distribution {

    private final List<Double> values = new ArrayList<>();

    synchronized void add(double value) {
        values.add(value);
    }

    synchronized int count() {
        return values.size();
    }

    /** Nearest rank: the smallest value with at least {@code quantile} of all at or below it; NaN when empty. */
    synchronized double percentile(double quantile) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(quantile * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    synchronized double max() {
        return values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }
}

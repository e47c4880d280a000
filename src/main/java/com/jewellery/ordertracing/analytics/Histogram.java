package com.jewellery.ordertracing.analytics;

import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * Counts per {@link LogBuckets} bucket, with error and SLA tallies: what one rollup row sums to. Adding two
 * histograms is adding their counts, so one over any range of minutes or hours is exact up to the bucket
 * width. Not thread-safe.
 */
public final class Histogram {

    private final TreeMap<Integer, Long> counts = new TreeMap<>();
    private long total;
    private long errors;
    private long slaOk;

    public void add(int bucket, long orders, long failed, long withinSla) {
        if (orders == 0 && failed == 0 && withinSla == 0) {
            return;
        }
        counts.merge(bucket, orders, Long::sum);
        total += orders;
        errors += failed;
        slaOk += withinSla;
    }

    public void addAll(Histogram other) {
        other.counts.forEach((bucket, count) -> counts.merge(bucket, count, Long::sum));
        total += other.total;
        errors += other.errors;
        slaOk += other.slaOk;
    }

    public long total() {
        return total;
    }

    public long errors() {
        return errors;
    }

    public long slaOk() {
        return slaOk;
    }

    /**
     * The nearest-rank percentile (the smallest duration with at least {@code p} of all at or below it), as
     * its bucket's representative value in microseconds; empty when nothing was counted.
     *
     * @param p between 0 (exclusive) and 1 (inclusive)
     */
    public OptionalDouble percentileMicros(double p) {
        if (p <= 0 || p > 1) {
            throw new IllegalArgumentException("percentile out of (0, 1]: " + p);
        }
        if (total <= 0) {
            return OptionalDouble.empty();
        }
        long rank = (long) Math.ceil(p * total);
        long seen = 0;
        for (Map.Entry<Integer, Long> entry : counts.entrySet()) {
            seen += entry.getValue();
            if (seen >= rank) {
                return OptionalDouble.of(LogBuckets.representative(entry.getKey()));
            }
        }
        return OptionalDouble.of(LogBuckets.representative(counts.lastKey()));
    }

    /** Share of orders that failed at the stage; empty without orders. */
    public OptionalDouble errorRate() {
        return total <= 0 ? OptionalDouble.empty() : OptionalDouble.of((double) errors / total);
    }

    /** Share of orders within the stage's SLA; empty without orders. */
    public OptionalDouble slaCompliance() {
        return total <= 0 ? OptionalDouble.empty() : OptionalDouble.of((double) slaOk / total);
    }
}

package com.jewellery.ordertracing.analytics;

import java.util.OptionalDouble;

/**
 * Counts per {@link LogBuckets} bucket, with error and SLA tallies: what one rollup row sums to. Adding two
 * histograms is adding their counts, so one over any range of minutes or hours is exact up to the bucket
 * width. Not thread-safe.
 */
public final class Histogram {

    /** counts[i] is bucket {@code lowest + i}; grown as buckets arrive. */
    private long[] counts = new long[0];

    private int lowest;
    private long total;
    private long errors;
    private long slaOk;

    public void add(int bucket, long orders, long failed, long withinSla) {
        if (orders == 0 && failed == 0 && withinSla == 0) {
            return;
        }
        grow(bucket, bucket);
        counts[bucket - lowest] += orders;
        total += orders;
        errors += failed;
        slaOk += withinSla;
    }

    /**
     * Adds one rollup row: its histogram as PostgreSQL writes an integer array, comma-separated from bucket
     * {@code first} on, and its error and SLA tallies.
     */
    public void addRow(int first, String commaSeparated, long failed, long withinSla) {
        int elements = 1;
        for (int i = 0; i < commaSeparated.length(); i++) {
            elements += commaSeparated.charAt(i) == ',' ? 1 : 0;
        }
        // room for the whole row at once: growing bucket by bucket would copy the array for every element
        grow(first, first + elements - 1);
        int bucket = first;
        long value = 0;
        boolean negative = false;
        for (int i = 0; i <= commaSeparated.length(); i++) {
            char c = i < commaSeparated.length() ? commaSeparated.charAt(i) : ',';
            if (c == ',') {
                long count = negative ? -value : value;
                if (count != 0) {
                    counts[bucket - lowest] += count;
                    total += count;
                }
                bucket++;
                value = 0;
                negative = false;
            } else if (c == '-') {
                negative = true;
            } else {
                value = value * 10 + (c - '0');
            }
        }
        errors += failed;
        slaOk += withinSla;
    }

    public void addAll(Histogram other) {
        if (other.counts.length > 0) {
            grow(other.lowest, other.lowest + other.counts.length - 1);
            for (int i = 0; i < other.counts.length; i++) {
                counts[other.lowest + i - lowest] += other.counts[i];
            }
        }
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
        for (int i = 0; i < counts.length; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return OptionalDouble.of(LogBuckets.representative(lowest + i));
            }
        }
        return OptionalDouble.of(LogBuckets.representative(lowest + counts.length - 1));
    }

    /** Makes room for buckets {@code from..to}. */
    private void grow(int from, int to) {
        if (counts.length == 0) {
            counts = new long[to - from + 1];
            lowest = from;
            return;
        }
        int newLowest = Math.min(lowest, from);
        int newHighest = Math.max(lowest + counts.length - 1, to);
        if (newLowest != lowest || newHighest != lowest + counts.length - 1) {
            long[] grown = new long[newHighest - newLowest + 1];
            System.arraycopy(counts, 0, grown, lowest - newLowest, counts.length);
            counts = grown;
            lowest = newLowest;
        }
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

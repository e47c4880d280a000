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
     * Adds one rollup row: its {@code counts integer[]} as the JDBC driver hands over its bytes, in
     * PostgreSQL's binary array format (what the driver receives once a statement is prepared on the server) or
     * as array text ({@code {2,0,1}}, {@code [298:303]={1,NULL,4}}); NULL elements count as 0.
     */
    public void addRow(byte[] counts, long failed, long withinSla) {
        if (PgIntArray.isBinary(counts)) {
            PgIntArray.binary(counts, this::reserve, this::addCount);
        } else {
            PgIntArray.text(counts, this::reserve, this::addCount);
        }
        errors += failed;
        slaOk += withinSla;
    }

    /** Adds a rollup row already parsed: counts from bucket {@code first} on. */
    public void addCounts(int first, int[] rowCounts, long failed, long withinSla) {
        if (rowCounts.length > 0) {
            grow(first, first + rowCounts.length - 1);
            int offset = first - lowest;
            for (int i = 0; i < rowCounts.length; i++) {
                counts[offset + i] += rowCounts[i];
                total += rowCounts[i];
            }
        }
        errors += failed;
        slaOk += withinSla;
    }

    /** Room for buckets {@code first..last} at once: growing bucket by bucket would copy the array each time. */
    private void reserve(int first, int last) {
        if (last >= first) {
            grow(first, last);
        }
    }

    /** Adds to a bucket that {@link #reserve} made room for. */
    private void addCount(int bucket, long count) {
        if (count != 0) {
            counts[bucket - lowest] += count;
            total += count;
        }
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

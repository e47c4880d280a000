package com.jewellery.ordertracing.analytics;

/**
 * The log-scale histogram buckets of stage durations. Bucket 0 holds durations under one microsecond;
 * bucket {@code i >= 1} holds durations in {@code [γ^(i-1), γ^i)} microseconds with γ = {@value #GAMMA}.
 * A bucket is reported as {@code 2·γ^i / (γ + 1)} (the value with equal relative distance to both
 * edges), so any duration in it is off by at most {@link #RELATIVE_ERROR} = (γ - 1) / (γ + 1) ≈ 0.99 %.
 * That is the bound of every percentile read from summed buckets against the exact nearest-rank
 * percentile of the same durations. One day spans about 1,270 buckets; a stage's durations of one
 * minute fill a few dozen.
 */
public final class LogBuckets {

    public static final double GAMMA = 1.02;
    public static final double RELATIVE_ERROR = (GAMMA - 1) / (GAMMA + 1);
    /** Highest bucket: durations of a year or more share it (a SMALLINT in the database). */
    public static final int MAX_BUCKET = (int) Math.ceil(Math.log(365 * 86_400e6) / Math.log(GAMMA));

    private static final double LOG_GAMMA = Math.log(GAMMA);

    private LogBuckets() {}

    public static int bucketOf(long micros) {
        if (micros < 1) {
            return 0;
        }
        // floor(log_γ(us)) + 1, corrected for floating point at the exact edges
        int bucket = (int) Math.floor(Math.log(micros) / LOG_GAMMA) + 1;
        if (bucket > 1 && lowerEdge(bucket) > micros) {
            bucket--;
        } else if (upperEdge(bucket) <= micros) {
            bucket++;
        }
        return Math.min(bucket, MAX_BUCKET);
    }

    /** Inclusive lower edge in microseconds. */
    public static double lowerEdge(int bucket) {
        return bucket == 0 ? 0 : Math.pow(GAMMA, bucket - 1);
    }

    /** Exclusive upper edge in microseconds. */
    public static double upperEdge(int bucket) {
        return bucket == 0 ? 1 : Math.pow(GAMMA, bucket);
    }

    /** The value a bucket stands for, in microseconds. */
    public static double representative(int bucket) {
        return bucket == 0 ? 0 : 2 * Math.pow(GAMMA, bucket) / (GAMMA + 1);
    }
}

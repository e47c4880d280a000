package com.jewellery.ordertracing.analytics;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The time buckets of a chart: the finest step of {@link #STEPS} that keeps the chart at or under
 * {@value #MAX_POINTS} points, read from the coarsest rollup that fits the step ({@link Rollup#forStep}): the
 * minute rollup for 1 and 5 min, the 15-minute rollup for 15 min, the hour rollup for 1 h, the 6-hour rollup for 6 h and a day.
 *
 * @param from   start of the first bucket (the range's start rounded down to the step)
 * @param to     end of the last bucket (the range's end rounded up to the step)
 * @param step   width of one bucket
 * @param rollup the table the buckets are summed from
 */
public record Resolution(Instant from, Instant to, Duration step, Rollup rollup) {

    public static final int MAX_POINTS = 200;
    public static final List<Duration> STEPS = List.of(
            Duration.ofMinutes(1),
            Duration.ofMinutes(5),
            Duration.ofMinutes(15),
            Duration.ofHours(1),
            Duration.ofHours(6),
            Duration.ofDays(1));

    public static Resolution fitting(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("empty range " + from + " .. " + to);
        }
        Duration length = Duration.between(from, to);
        Duration step = STEPS.stream()
                .filter(candidate -> length.dividedBy(candidate) <= MAX_POINTS)
                .findFirst()
                .orElse(STEPS.getLast());
        Rollup rollup = Rollup.forStep(step);
        return new Resolution(floor(from, step), ceil(to, step), step, rollup);
    }

    /** The bucket a time falls in, as its start. */
    public Instant bucketOf(Instant time) {
        return floor(time, step);
    }

    public List<Instant> bucketStarts() {
        return java.util.stream.Stream.iterate(from, start -> start.isBefore(to), start -> start.plus(step))
                .toList();
    }

    /** Buckets are aligned to the step since the epoch (UTC days for a day step). */
    static Instant floor(Instant time, Duration step) {
        return Instant.ofEpochSecond(floorSeconds(time.getEpochSecond(), step));
    }

    /** {@link #floor} in seconds since the epoch, for callers that keep times as numbers. */
    static long floorSeconds(long epochSecond, Duration step) {
        long stepSeconds = step.toSeconds();
        return Math.floorDiv(epochSecond, stepSeconds) * stepSeconds;
    }

    static Instant ceil(Instant time, Duration step) {
        Instant floor = floor(time, step);
        return floor.equals(time) ? time : floor.plus(step);
    }
}

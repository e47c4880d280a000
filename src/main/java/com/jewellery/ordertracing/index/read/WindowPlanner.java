package com.jewellery.ordertracing.index.read;

import com.jewellery.ordertracing.index.IndexProperties;
import com.jewellery.ordertracing.jaeger.TimeRange;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides which time windows one indexer run reads for a service: from the cursor minus the overlap (spans
 * reach Jaeger late, after they end) up to now minus the lag, cut into steps no wider than the window.
 */
public final class WindowPlanner {

    private final Duration window;
    private final Duration overlap;
    private final Duration lag;
    private final Duration initialLookback;

    WindowPlanner(Duration window, Duration overlap, Duration lag, Duration initialLookback) {
        this.window = window;
        this.overlap = overlap;
        this.lag = lag;
        this.initialLookback = initialLookback;
    }

    public static WindowPlanner of(IndexProperties properties) {
        return new WindowPlanner(
                properties.window(), properties.overlap(), properties.lag(), properties.initialLookback());
    }

    /**
     * The windows to read, oldest first; empty when nothing is readable yet.
     *
     * @param cursor where the service was read up to; empty when it never was
     */
    public List<TimeRange> plan(Optional<Instant> cursor, Instant now) {
        Instant start = cursor.map(readUntil -> readUntil.minus(overlap)).orElse(now.minus(initialLookback));
        return steps(start, now.minus(lag));
    }

    /** {@code from .. to} in consecutive windows; empty when {@code from} is not before {@code to}. */
    public List<TimeRange> steps(Instant from, Instant to) {
        List<TimeRange> steps = new ArrayList<>();
        for (Instant start = from; start.isBefore(to); start = start.plus(window)) {
            Instant end = start.plus(window);
            steps.add(new TimeRange(start, end.isBefore(to) ? end : to));
        }
        return steps;
    }
}

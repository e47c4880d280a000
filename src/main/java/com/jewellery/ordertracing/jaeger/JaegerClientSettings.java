package com.jewellery.ordertracing.jaeger;

import java.time.Duration;
import java.util.Objects;

/**
 * How {@link JaegerClient} calls Jaeger.
 *
 * @param deadline    how long one call may take, streams included
 * @param searchDepth how many traces a search asks for when the query does not say; Jaeger's memory
 *                    storage rejects 0, so there is always a value
 */
public record JaegerClientSettings(Duration deadline, int searchDepth) {

    public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(10);
    public static final int DEFAULT_SEARCH_DEPTH = 1000;
    public static final JaegerClientSettings DEFAULTS =
            new JaegerClientSettings(DEFAULT_DEADLINE, DEFAULT_SEARCH_DEPTH);

    public JaegerClientSettings {
        Objects.requireNonNull(deadline, "deadline");
        if (deadline.isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException("deadline must be positive, was " + deadline);
        }
        if (searchDepth < 1) {
            throw new IllegalArgumentException("searchDepth must be at least 1, was " + searchDepth);
        }
    }
}

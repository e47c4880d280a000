package com.jewellery.ordertracing.index;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Exponential backoff between failed indexer runs: the first retry after {@code initial}, then doubling,
 * never longer than {@code max}; one success resets it. Not thread-safe: the indexer thread owns it.
 */
final class Backoff {

    private final Duration initial;
    private final Duration max;
    private final Clock clock;
    private int failures;
    private Instant nextAttempt;

    Backoff(Duration initial, Duration max, Clock clock) {
        this.initial = initial;
        this.max = max;
        this.clock = clock;
    }

    /** Whether a run may start now. */
    boolean mayAttempt() {
        return nextAttempt == null || !clock.instant().isBefore(nextAttempt);
    }

    /** Records a failure; returns how long to wait before the next attempt. */
    Duration failed() {
        failures++;
        Duration delay = delay(failures);
        nextAttempt = clock.instant().plus(delay);
        return delay;
    }

    void succeeded() {
        failures = 0;
        nextAttempt = null;
    }

    int failures() {
        return failures;
    }

    Optional<Instant> nextAttempt() {
        return Optional.ofNullable(nextAttempt);
    }

    private Duration delay(int failureCount) {
        // doubling 2^n overflows quickly; once past max the exponent no longer matters
        int doublings = Math.min(failureCount - 1, 30);
        Duration delay = initial.multipliedBy(1L << doublings);
        return delay.compareTo(max) > 0 ? max : delay;
    }
}

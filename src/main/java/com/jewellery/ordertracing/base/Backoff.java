package com.jewellery.ordertracing.base;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Exponential retry delays: initial, 2×, 4×… capped at {@code max}. The alert outbox keeps each
 * notification's attempt count in its table and asks {@link #delayAfter}; the indexer keeps its
 * consecutive failures in memory with {@link #retries}.
 *
 * @param initial     delay after the first failed attempt
 * @param max         longest delay
 * @param maxAttempts attempts before giving up
 */
public record Backoff(Duration initial, Duration max, int maxAttempts) {

    public Backoff {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0 || maxAttempts < 1) {
            throw new IllegalArgumentException("Retry settings need 0 < initial <= max and at least one attempt");
        }
    }

    /** Retries that never give up, e.g. a background loop that must go on until its servers are back. */
    public static Backoff unlimited(Duration initial, Duration max) {
        return new Backoff(initial, max, Integer.MAX_VALUE);
    }

    /** How long to wait after the given number of failed attempts (1 = the first attempt failed). */
    public Duration delayAfter(int failedAttempts) {
        // doubling 2^n overflows quickly; once past max the exponent no longer matters
        int doublings = Math.min(Math.max(failedAttempts - 1, 0), 30);
        Duration delay = initial.multipliedBy(1L << doublings);
        return delay.compareTo(max) > 0 ? max : delay;
    }

    public boolean exhausted(int failedAttempts) {
        return failedAttempts >= maxAttempts;
    }

    /** The consecutive failures of one loop, counted in memory. */
    public Retries retries(Clock clock) {
        return new Retries(this, clock);
    }

    /**
     * Consecutive failures and when the next attempt is due; one success resets them. Not thread-safe: the
     * loop's thread owns it.
     */
    public static final class Retries {

        private final Backoff backoff;
        private final Clock clock;
        private int failures;
        private Instant nextAttempt;

        private Retries(Backoff backoff, Clock clock) {
            this.backoff = backoff;
            this.clock = clock;
        }

        /** Whether an attempt may start now. */
        public boolean mayAttempt() {
            return nextAttempt == null || !clock.instant().isBefore(nextAttempt);
        }

        /** Records a failure; returns how long to wait before the next attempt. */
        public Duration failed() {
            failures++;
            Duration delay = backoff.delayAfter(failures);
            nextAttempt = clock.instant().plus(delay);
            return delay;
        }

        public void succeeded() {
            failures = 0;
            nextAttempt = null;
        }

        public int failures() {
            return failures;
        }

        public Optional<Instant> nextAttempt() {
            return Optional.ofNullable(nextAttempt);
        }
    }
}

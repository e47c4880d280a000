package com.jewellery.ordertracing.alerts;

import java.time.Duration;

/**
 * Exponential retry delays for a notification channel: initial, 2×, 4×… capped at {@code max}.
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

    /** How long to wait after the given number of failed attempts (1 = the first attempt failed). */
    public Duration delayAfter(int failedAttempts) {
        int doublings = Math.min(Math.max(failedAttempts - 1, 0), 30);
        Duration delay = initial.multipliedBy(1L << doublings);
        return delay.compareTo(max) > 0 ? max : delay;
    }

    public boolean exhausted(int failedAttempts) {
        return failedAttempts >= maxAttempts;
    }
}

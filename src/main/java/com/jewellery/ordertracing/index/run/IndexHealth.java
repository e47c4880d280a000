package com.jewellery.ordertracing.index.run;

import java.time.Duration;
import java.time.Instant;

/**
 * The indexer's state for other features (the weekly review's data-quality line). The cursors are shared by
 * every instance; role and failures are what this instance knows (a standby instance sees no failure).
 *
 * @param role         this instance's part: DISABLED, STARTING, LEADER or STANDBY
 * @param indexedUntil up to when every service's spans have been read; null before the first run
 * @param behind       how far that is behind now; null when unknown
 * @param behindLimit  a lag longer than this is a problem (the status page's limit)
 * @param lastSuccess  when this instance's last run finished, null if none
 * @param failure      why its runs fail since then (JAEGER, DATABASE, OTHER), null when the last one succeeded
 * @param failures     consecutive failed runs
 * @param lastError    the failure's message, null without one
 */
public record IndexHealth(
        String role,
        Instant indexedUntil,
        Duration behind,
        Duration behindLimit,
        Instant lastSuccess,
        String failure,
        int failures,
        String lastError) {

    /** Whether the index lags more than the limit, or its lag is unknown while indexing is on. */
    public boolean behindTooFar() {
        return behind == null ? !"DISABLED".equals(role) : behind.compareTo(behindLimit) > 0;
    }
}

package com.jewellery.ordertracing.index.backfill;

import java.time.Instant;

/**
 * A time range to read again from Jaeger.
 *
 * @param id          its number
 * @param from        start, inclusive
 * @param to          end, exclusive
 * @param doneUntil   read up to here so far
 * @param requestedBy user name, or {@code configuration} for {@code portal.index.backfill}
 * @param requestedAt when it was asked for
 * @param finishedAt  when the last window was read; null while pending
 */
public record BackfillRequest(
        long id,
        Instant from,
        Instant to,
        Instant doneUntil,
        String requestedBy,
        Instant requestedAt,
        Instant finishedAt) {

    public boolean finished() {
        return finishedAt != null;
    }
}

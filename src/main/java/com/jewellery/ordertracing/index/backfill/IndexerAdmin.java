package com.jewellery.ordertracing.index.backfill;

import com.jewellery.ordertracing.security.Roles;
import com.jewellery.ordertracing.security.Usernames;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * What admins may ask of the indexer: re-read a time range from Jaeger (backfill), e.g. after traces were
 * restored into Jaeger or after the index was emptied. Whichever instance indexes picks the request up
 * within a run or two and works through it window by window.
 */
public class IndexerAdmin {

    private final BackfillQueue queue;
    private final Clock clock;

    IndexerAdmin(BackfillQueue queue, Clock clock) {
        this.queue = queue;
        this.clock = clock;
    }

    /**
     * Queues a re-read of {@code from .. to}; reading is idempotent, so ranges already indexed only cost time.
     *
     * @return the request's id
     * @throws InvalidBackfillException when a bound is missing, from is not before to, or to is in the future
     */
    @PreAuthorize(Roles.CAN_ADMINISTRATION)
    public long requestBackfill(Instant from, Instant to) {
        Instant now = clock.instant();
        if (from == null || to == null) {
            throw new InvalidBackfillException(InvalidBackfillException.Reason.MISSING, "a backfill needs from and to");
        }
        if (!from.isBefore(to)) {
            throw new InvalidBackfillException(
                    InvalidBackfillException.Reason.NOT_BEFORE,
                    "a backfill needs from before to; got " + from + " .. " + to);
        }
        if (to.isAfter(now)) {
            throw new InvalidBackfillException(
                    InvalidBackfillException.Reason.IN_FUTURE, "a backfill cannot reach into the future; to was " + to);
        }
        return queue.request(from, to, currentUser(), now);
    }

    /** The latest backfill requests, newest first, with their progress. */
    @PreAuthorize(Roles.CAN_ADMINISTRATION)
    public List<BackfillRequest> backfills(int limit) {
        return queue.latest(limit);
    }

    private static String currentUser() {
        return Usernames.of(SecurityContextHolder.getContext().getAuthentication(), "unknown");
    }
}

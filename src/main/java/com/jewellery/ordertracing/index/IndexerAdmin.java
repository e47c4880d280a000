package com.jewellery.ordertracing.index;

import com.jewellery.ordertracing.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.security.core.Authentication;
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
     */
    @RolesAllowed(Roles.ADMIN)
    public long requestBackfill(Instant from, Instant to) {
        Instant now = clock.instant();
        if (from == null || to == null || !from.isBefore(to) || to.isAfter(now)) {
            throw new IllegalArgumentException("a backfill needs from before to, and to not in the future; got "
                    + from + " .. " + to);
        }
        return queue.request(from, to, currentUser(), now);
    }

    /** The latest backfill requests, newest first, with their progress. */
    @RolesAllowed(Roles.ADMIN)
    public List<BackfillRequest> backfills(int limit) {
        return queue.latest(limit);
    }

    private static String currentUser() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? "unknown" : authentication.getName();
    }
}

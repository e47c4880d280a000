package com.jewellery.ordertracing.index.run;

import com.jewellery.ordertracing.security.Roles;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;

/** What the indexer exposes about its health to other features: lag from the shared cursors, its last failure. */
public class IndexHealthService {

    private final IndexerState state;
    private final CursorStore cursors;
    private final List<String> services;
    private final Duration behindLimit;
    private final Clock clock;

    IndexHealthService(
            IndexerState state, CursorStore cursors, List<String> services, Duration behindLimit, Clock clock) {
        this.state = state;
        this.cursors = cursors;
        this.services = List.copyOf(services);
        this.behindLimit = behindLimit;
        this.clock = clock;
    }

    @PreAuthorize(Roles.CAN_STAFF)
    public IndexHealth health() {
        IndexerState.Snapshot snapshot = state.snapshot();
        Instant now = clock.instant();
        Instant until = cursors.indexedUntil(services).orElse(null);
        return new IndexHealth(
                snapshot.role().name(),
                until,
                until == null ? null : Duration.between(until, now),
                behindLimit,
                snapshot.lastSuccess(),
                snapshot.failure() == null ? null : snapshot.failure().name(),
                snapshot.failures(),
                snapshot.errorMessage());
    }
}

package com.jewellery.ordertracing.index.run;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the status row and the health service both read of the indexer: its state and how far the slowest
 * service's cursor is behind now. Holds no access rule: the health service adds it, the status page has its own.
 */
final class IndexerReading {

    private final IndexerState state;
    private final CursorStore cursors;
    private final List<String> services;
    private final Duration behindLimit;
    private final Clock clock;

    /** @param behindLimit a lag longer than this is reported as a problem */
    IndexerReading(Indexer indexer, Duration behindLimit, Clock clock) {
        this.state = indexer.state();
        this.cursors = indexer.cursors();
        this.services = List.copyOf(indexer.services());
        this.behindLimit = behindLimit;
        this.clock = clock;
    }

    IndexerState.Snapshot snapshot() {
        return state.snapshot();
    }

    Instant now() {
        return clock.instant();
    }

    Duration behindLimit() {
        return behindLimit;
    }

    /** The oldest of the services' cursors; empty before the first one. Throws when the database is down. */
    Optional<Instant> indexedUntil() {
        return cursors.indexedUntil(services);
    }
}

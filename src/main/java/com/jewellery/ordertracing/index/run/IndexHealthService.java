package com.jewellery.ordertracing.index.run;

import com.jewellery.ordertracing.security.Roles;
import java.time.Duration;
import java.time.Instant;
import org.springframework.security.access.prepost.PreAuthorize;

/** What the indexer exposes about its health to other features: lag from the shared cursors, its last failure. */
public class IndexHealthService {

    private final IndexerReading reading;

    IndexHealthService(IndexerReading reading) {
        this.reading = reading;
    }

    @PreAuthorize(Roles.CAN_STAFF)
    public IndexHealth health() {
        IndexerState.Snapshot snapshot = reading.snapshot();
        Instant now = reading.now();
        Instant until = reading.indexedUntil().orElse(null);
        return new IndexHealth(
                snapshot.role().name(),
                until,
                until == null ? null : Duration.between(until, now),
                reading.behindLimit(),
                snapshot.lastSuccess(),
                snapshot.failure() == null ? null : snapshot.failure().name(),
                snapshot.failures(),
                snapshot.errorMessage());
    }
}

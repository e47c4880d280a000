package com.jewellery.ordertracing.index.run;

import com.jewellery.ordertracing.index.read.IndexStats;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What this instance's indexer is doing, for the status page. Written by the indexer thread, read by
 * any; each update replaces the whole snapshot.
 */
final class IndexerState {

    /** This instance's part in indexing. */
    enum Role {
        /** {@code portal.index.enabled=false}. */
        DISABLED,
        /** Not run yet. */
        STARTING,
        /** Holds the lock and indexes. */
        LEADER,
        /** Another instance holds the lock; this one retries each run. */
        STANDBY
    }

    /** Why the last attempt failed, so the status page can say what to do. */
    enum Failure {
        JAEGER,
        DATABASE,
        OTHER
    }

    /**
     * @param lastSuccess  end of the last run that finished, null if none
     * @param lastStats    what that run did
     * @param failure      why the runs since then failed, null when the last one succeeded
     * @param errorMessage the failure's message
     * @param failures     consecutive failures
     * @param nextAttempt  when the next attempt is due while backing off, else null
     * @param saturated    windows of the last run where traces may be missing
     */
    record Snapshot(
            Role role,
            Instant lastSuccess,
            IndexStats lastStats,
            Failure failure,
            String errorMessage,
            int failures,
            Instant nextAttempt,
            List<String> saturated) {}

    private final AtomicReference<Snapshot> current;

    IndexerState(boolean enabled) {
        current = new AtomicReference<>(new Snapshot(
                enabled ? Role.STARTING : Role.DISABLED, null, IndexStats.NONE, null, null, 0, null, List.of()));
    }

    Snapshot snapshot() {
        return current.get();
    }

    void standby() {
        current.updateAndGet(
                s -> new Snapshot(Role.STANDBY, s.lastSuccess(), s.lastStats(), null, null, 0, null, List.of()));
    }

    void succeeded(IndexStats stats, Instant at) {
        current.set(new Snapshot(
                Role.LEADER,
                at,
                stats,
                null,
                null,
                0,
                null,
                stats.saturated().stream().map(Object::toString).toList()));
    }

    void failed(Role role, Failure failure, String message, int failures, Instant nextAttempt) {
        current.updateAndGet(s -> new Snapshot(
                role, s.lastSuccess(), s.lastStats(), failure, message, failures, nextAttempt, s.saturated()));
    }
}

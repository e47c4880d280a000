package com.jewellery.ordertracing.index.run;

import com.jewellery.ordertracing.index.read.IndexStats;
import com.jewellery.ordertracing.status.ComponentStatus;
import com.jewellery.ordertracing.status.StatusCheck;
import com.jewellery.ordertracing.status.StatusFact;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The status page's "Indexer" row: whether this instance indexes or stands by, when the last run
 * succeeded, how far the index is behind now, and the last error with what to do about it.
 */
final class IndexerStatusCheck implements StatusCheck {

    private final IndexerReading reading;

    IndexerStatusCheck(IndexerReading reading) {
        this.reading = reading;
    }

    @Override
    public ComponentStatus check() {
        long started = System.nanoTime();
        IndexerState.Snapshot snapshot = reading.snapshot();
        Instant now = reading.now();
        Optional<Duration> behind = behind(now);
        String nameKey = "status.component.indexer." + snapshot.role().name().toLowerCase(Locale.ROOT);
        List<StatusFact> facts = facts(snapshot, behind, now);
        String detail = technicalDetail(snapshot);
        Duration latency = Duration.ofNanos(System.nanoTime() - started);
        String problem = problemKey(snapshot, behind).orElse(null);
        return new ComponentStatus(nameKey, problem == null, problem, facts, detail, latency, List.of());
    }

    @Override
    public String nameKey() {
        return "status.component.indexer." + reading.snapshot().role().name().toLowerCase(Locale.ROOT);
    }

    @Override
    public int order() {
        return 30;
    }

    private Optional<String> problemKey(IndexerState.Snapshot snapshot, Optional<Duration> behind) {
        if (snapshot.role() == IndexerState.Role.DISABLED) {
            return Optional.empty();
        }
        if (snapshot.failure() != null) {
            return Optional.of(
                    "status.problem.indexer." + snapshot.failure().name().toLowerCase(Locale.ROOT));
        }
        if (!snapshot.saturated().isEmpty()) {
            return Optional.of("status.problem.indexer.saturated");
        }
        return behind.filter(lag -> lag.compareTo(reading.behindLimit()) > 0)
                .map(lag -> "status.problem.indexer.behind");
    }

    /** For support: is the index up to date, and did the last run work? */
    private static List<StatusFact> facts(IndexerState.Snapshot snapshot, Optional<Duration> behind, Instant now) {
        List<StatusFact> facts = new ArrayList<>();
        facts.add(
                snapshot.lastSuccess() == null
                        ? StatusFact.of("status.indexer.noRunYet")
                        : StatusFact.of(
                                "status.indexer.lastRun",
                                Duration.between(snapshot.lastSuccess(), now).toSeconds()));
        facts.add(behind.map(lag -> StatusFact.of("status.indexer.behind", lag.toSeconds()))
                .orElse(StatusFact.of("status.indexer.lagUnknown")));
        if (snapshot.lastSuccess() != null) {
            IndexStats stats = snapshot.lastStats();
            facts.add(StatusFact.of(
                    "status.indexer.lastStats", stats.tracesRead(), stats.spansStored(), stats.journeysSaved()));
        }
        if (snapshot.failure() != null) {
            facts.add(StatusFact.of(
                    "status.indexer.failures",
                    snapshot.failures(),
                    snapshot.nextAttempt() == null
                            ? 0
                            : Math.max(
                                    0,
                                    Duration.between(now, snapshot.nextAttempt())
                                            .toSeconds())));
        }
        return facts;
    }

    /** For whoever fixes it: the error as it was raised, and the windows that may miss traces. */
    private static String technicalDetail(IndexerState.Snapshot snapshot) {
        List<String> parts = new ArrayList<>();
        if (snapshot.failure() != null) {
            parts.add(snapshot.errorMessage());
        }
        if (!snapshot.saturated().isEmpty()) {
            parts.add("saturated windows: " + String.join(", ", snapshot.saturated()));
        }
        return String.join("; ", parts);
    }

    /** How far the slowest service's cursor is behind now; empty before the first cursor or without a database. */
    private Optional<Duration> behind(Instant now) {
        try {
            return reading.indexedUntil().map(oldest -> Duration.between(oldest, now));
        } catch (RuntimeException databaseDown) {
            return Optional.empty();
        }
    }
}

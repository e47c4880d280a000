package com.jewellery.ordertracing.index;

import com.jewellery.ordertracing.status.ComponentStatus;
import com.jewellery.ordertracing.status.StatusCheck;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The status page's "Indexer" row: whether this instance indexes or stands by, when the last run
 * succeeded, how far the index is behind now, and the last error with what to do about it.
 */
final class IndexerStatusCheck implements StatusCheck {

    private final IndexerState state;
    private final CursorStore cursors;
    private final List<String> services;
    private final Duration behindLimit;
    private final Clock clock;

    /** @param behindLimit a lag longer than this is reported as a problem */
    IndexerStatusCheck(IndexerState state, CursorStore cursors, List<String> services, Duration behindLimit,
            Clock clock) {
        this.state = state;
        this.cursors = cursors;
        this.services = List.copyOf(services);
        this.behindLimit = behindLimit;
        this.clock = clock;
    }

    @Override
    public ComponentStatus check() {
        long started = System.nanoTime();
        IndexerState.Snapshot snapshot = state.snapshot();
        Instant now = clock.instant();
        Optional<Duration> behind = behind(now);
        String nameKey = "status.component.indexer." + snapshot.role().name().toLowerCase(Locale.ROOT);
        String detail = detail(snapshot, behind, now);
        Duration latency = Duration.ofNanos(System.nanoTime() - started);
        return problemKey(snapshot, behind)
                .map(problem -> ComponentStatus.down(nameKey, problem, detail, latency))
                .orElseGet(() -> ComponentStatus.up(nameKey, detail, latency, List.of()));
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
            return Optional.of("status.problem.indexer." + snapshot.failure().name().toLowerCase(Locale.ROOT));
        }
        if (!snapshot.saturated().isEmpty()) {
            return Optional.of("status.problem.indexer.saturated");
        }
        return behind.filter(lag -> lag.compareTo(behindLimit) > 0).map(lag -> "status.problem.indexer.behind");
    }

    private String detail(IndexerState.Snapshot snapshot, Optional<Duration> behind, Instant now) {
        List<String> parts = new ArrayList<>();
        parts.add(snapshot.lastSuccess() == null ? "no successful run yet on this instance"
                : "last successful run " + snapshot.lastSuccess() + " (" + seconds(snapshot.lastSuccess(), now) + " ago)");
        parts.add(behind.map(lag -> "index behind now by " + lag.toSeconds() + " s")
                .orElse("lag unknown (no cursor yet)"));
        IndexStats stats = snapshot.lastStats();
        if (snapshot.lastSuccess() != null) {
            parts.add("last run: " + stats.tracesRead() + " traces read, " + stats.spansStored() + " new spans, "
                    + stats.journeysSaved() + " journeys saved");
        }
        if (snapshot.failure() != null) {
            parts.add("last error (" + snapshot.failures() + " in a row): " + snapshot.errorMessage()
                    + (snapshot.nextAttempt() == null ? "" : "; next attempt " + snapshot.nextAttempt()));
        }
        if (!snapshot.saturated().isEmpty()) {
            parts.add("windows with possibly missing traces: " + String.join(", ", snapshot.saturated()));
        }
        return String.join("; ", parts);
    }

    /** How far the slowest service's cursor is behind now; empty before the first cursor or without a database. */
    private Optional<Duration> behind(Instant now) {
        try {
            Map<String, Instant> all = cursors.all();
            if (!all.keySet().containsAll(services)) {
                return Optional.empty();
            }
            return services.stream().map(all::get).min(Comparator.naturalOrder())
                    .map(oldest -> Duration.between(oldest, now));
        } catch (RuntimeException databaseDown) {
            return Optional.empty();
        }
    }

    private static String seconds(Instant then, Instant now) {
        return Duration.between(then, now).toSeconds() + " s";
    }
}

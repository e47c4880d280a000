package com.jewellery.ordertracing.index;

import com.jewellery.ordertracing.jaeger.TimeRange;
import java.time.Clock;
import java.util.List;

/**
 * Works through requested backfills a few windows per indexer run, so a long range does not hold up the
 * regular indexing of new traces. Cursors are left alone; progress is kept per request.
 */
final class BackfillRunner {

    private final List<String> services;
    private final WindowPlanner planner;
    private final WindowIndexer windows;
    private final BackfillQueue queue;
    private final int windowsPerRun;
    private final IndexProperties.Backfill configured;
    private final Clock clock;
    private boolean configuredQueued;

    BackfillRunner(List<String> services, WindowPlanner planner, WindowIndexer windows, BackfillQueue queue,
            int windowsPerRun, IndexProperties.Backfill configured, Clock clock) {
        this.services = List.copyOf(services);
        this.planner = planner;
        this.windows = windows;
        this.queue = queue;
        this.windowsPerRun = windowsPerRun;
        this.configured = configured;
        this.clock = clock;
    }

    IndexStats run() {
        queueConfiguredOnce();
        SeenTraces seen = new SeenTraces();
        IndexStats total = IndexStats.NONE;
        int budget = windowsPerRun;
        for (BackfillRequest request : queue.pending()) {
            for (TimeRange window : planner.steps(request.doneUntil(), request.to())) {
                if (budget-- == 0) {
                    return total;
                }
                total = total.plus(indexEveryService(window, seen));
                queue.progress(request, window.to(), clock.instant());
            }
        }
        return total;
    }

    /** {@code portal.index.backfill} is queued once, not again at every start while it stays configured. */
    private void queueConfiguredOnce() {
        if (!configuredQueued && configured.requested() && !queue.exists(configured.from(), configured.to())) {
            queue.request(configured.from(), configured.to(), "configuration", clock.instant());
        }
        configuredQueued = true;
    }

    private IndexStats indexEveryService(TimeRange window, SeenTraces seen) {
        IndexStats stats = IndexStats.NONE;
        for (String service : services) {
            stats = stats.plus(windows.index(service, window, seen, () -> { }));
        }
        return stats;
    }
}

package com.jewellery.ordertracing.index;

import com.jewellery.ordertracing.jaeger.TimeRange;
import java.time.Clock;
import java.util.ArrayList;
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
        List<Step> steps = new ArrayList<>();
        for (BackfillRequest request : queue.pending()) {
            for (TimeRange window : planner.steps(request.doneUntil(), request.to())) {
                if (steps.size() == windowsPerRun * services.size()) {
                    break;
                }
                services.forEach(service -> steps.add(new Step(request, window, service)));
            }
        }
        SeenTraces seen = new SeenTraces();
        return ReadAhead.run(steps, step -> windows.read(step.service(), step.window()),
                (step, read) -> windows.store(read, seen, () -> progress(step)));
    }

    /** A window counts as done once its last service is stored. */
    private void progress(Step step) {
        if (step.service().equals(services.getLast())) {
            queue.progress(step.request(), step.window().to(), clock.instant());
        }
    }

    private record Step(BackfillRequest request, TimeRange window, String service) {
    }

    /** {@code portal.index.backfill} is queued once, not again at every start while it stays configured. */
    private void queueConfiguredOnce() {
        if (!configuredQueued && configured.requested() && !queue.exists(configured.from(), configured.to())) {
            queue.request(configured.from(), configured.to(), "configuration", clock.instant());
        }
        configuredQueued = true;
    }
}

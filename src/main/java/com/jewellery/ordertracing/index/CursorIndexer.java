package com.jewellery.ordertracing.index;

import com.jewellery.ordertracing.jaeger.TimeRange;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The regular indexer run: for each service, every window from its cursor to now, moving the cursor
 * after each window in the window's own transaction. A run that fails part-way keeps the windows it
 * finished; the next run resumes from the cursor.
 */
final class CursorIndexer {

    private final List<String> services;
    private final WindowPlanner planner;
    private final WindowIndexer windows;
    private final CursorStore cursors;
    private final Clock clock;

    CursorIndexer(List<String> services, WindowPlanner planner, WindowIndexer windows, CursorStore cursors,
            Clock clock) {
        this.services = List.copyOf(services);
        this.planner = planner;
        this.windows = windows;
        this.cursors = cursors;
        this.clock = clock;
    }

    IndexStats run() {
        Instant now = clock.instant();
        List<Step> steps = services.stream()
                .flatMap(service -> planner.plan(cursors.readUntil(service), now).stream()
                        .map(window -> new Step(service, window)))
                .toList();
        SeenTraces seen = new SeenTraces();
        return ReadAhead.run(steps, step -> windows.read(step.service(), step.window()),
                (step, read) -> windows.store(read, seen,
                        () -> cursors.advance(step.service(), step.window().to(), clock.instant())));
    }

    private record Step(String service, TimeRange window) {
    }
}

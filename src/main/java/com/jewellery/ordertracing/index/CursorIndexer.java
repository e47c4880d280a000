package com.jewellery.ordertracing.index;

import com.jewellery.ordertracing.jaeger.TimeRange;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The regular indexer run: for each service, every window from its cursor to now, moving the cursor
 * after each piece of a window in the piece's own transaction. A run that fails part-way keeps the windows it
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
        Map<String, List<TimeRange>> windowsByService = new LinkedHashMap<>();
        services.forEach(service -> windowsByService.put(service, planner.plan(cursors.readUntil(service), now)));
        SeenTraces seen = new SeenTraces();
        return ReadAhead.run(
                (Consumer<Piece> sink) -> windowsByService.forEach((service, planned) ->
                        planned.forEach(window -> windows.read(service, window, sink))),
                piece -> windows.store(piece, seen,
                        () -> cursors.advance(piece.service(), piece.range().to(), clock.instant())));
    }
}

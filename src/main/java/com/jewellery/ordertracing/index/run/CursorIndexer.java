package com.jewellery.ordertracing.index.run;

import com.jewellery.ordertracing.index.read.IndexStats;
import com.jewellery.ordertracing.index.read.Piece;
import com.jewellery.ordertracing.index.read.ReadAhead;
import com.jewellery.ordertracing.index.read.SeenTraces;
import com.jewellery.ordertracing.index.read.TraceSource;
import com.jewellery.ordertracing.index.read.WindowIndexer;
import com.jewellery.ordertracing.index.read.WindowPlanner;
import com.jewellery.ordertracing.jaeger.TimeRange;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The regular indexer run: every window from the services' earliest cursor to now, read with one search for
 * all services (a trace that crosses services is read once, not once per service), moving the cursors after
 * each piece of a window in the piece's own transaction. A run that fails part-way keeps the windows it
 * finished; the next run resumes from the cursors.
 */
final class CursorIndexer {

    private final List<String> services;
    private final WindowPlanner planner;
    private final WindowIndexer windows;
    private final CursorStore cursors;
    private final Clock clock;
    // kept between runs: each run re-reads the overlap, whose traces the previous runs stored already
    private final SeenTraces seen;

    /** @param seenMemory how long a stored trace is remembered between runs; about twice the overlap */
    CursorIndexer(
            List<String> services,
            WindowPlanner planner,
            WindowIndexer windows,
            CursorStore cursors,
            Duration seenMemory,
            Clock clock) {
        this.services = List.copyOf(services);
        this.planner = planner;
        this.windows = windows;
        this.cursors = cursors;
        this.clock = clock;
        this.seen = new SeenTraces(seenMemory, clock);
    }

    IndexStats run() {
        List<TimeRange> planned = planner.plan(earliestCursor(), clock.instant());
        seen.forgetOld();
        return ReadAhead.run(
                (Consumer<Piece> sink) ->
                        planned.forEach(window -> windows.read(TraceSource.ANY_SERVICE, window, sink)),
                piece -> windows.store(
                        piece,
                        seen,
                        () -> cursors.advanceAll(services, piece.range().to(), clock.instant())));
    }

    /**
     * Forgets which traces were stored: after a failed run (a commit may be lost with an unreachable or
     * restarted database) and when the lock is taken anew (another holder may have written meanwhile).
     */
    void forgetStored() {
        seen.forgetAll();
    }

    /** Empty when a service was never read: then all are read from the initial lookback. */
    private Optional<Instant> earliestCursor() {
        List<Optional<Instant>> each = services.stream().map(cursors::readUntil).toList();
        return each.stream().anyMatch(Optional::isEmpty)
                ? Optional.empty()
                : each.stream().map(Optional::orElseThrow).min(Instant::compareTo);
    }
}

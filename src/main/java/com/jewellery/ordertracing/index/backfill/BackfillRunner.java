package com.jewellery.ordertracing.index.backfill;

import com.jewellery.ordertracing.index.IndexProperties;
import com.jewellery.ordertracing.index.read.IndexStats;
import com.jewellery.ordertracing.index.read.Piece;
import com.jewellery.ordertracing.index.read.ReadAhead;
import com.jewellery.ordertracing.index.read.SeenTraces;
import com.jewellery.ordertracing.index.read.WindowIndexer;
import com.jewellery.ordertracing.index.read.WindowPlanner;
import com.jewellery.ordertracing.jaeger.TimeRange;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Works through requested backfills a few windows per indexer run, so a long range does not hold up the
 * regular indexing of new traces. Cursors are left alone; progress is kept per request.
 */
public final class BackfillRunner {

    private final List<String> services;
    private final WindowPlanner planner;
    private final WindowIndexer windows;
    private final BackfillQueue queue;
    private final int windowsPerRun;
    private final IndexProperties.Backfill configured;
    private final Clock clock;
    private boolean configuredQueued;

    BackfillRunner(
            List<String> services,
            WindowPlanner planner,
            WindowIndexer windows,
            BackfillQueue queue,
            int windowsPerRun,
            IndexProperties.Backfill configured,
            Clock clock) {
        this.services = List.copyOf(services);
        this.planner = planner;
        this.windows = windows;
        this.queue = queue;
        this.windowsPerRun = windowsPerRun;
        this.configured = configured;
        this.clock = clock;
    }

    /** Over the {@code indexer_backfill} table of this database. */
    public static BackfillRunner of(
            List<String> services,
            WindowPlanner planner,
            WindowIndexer windows,
            JdbcTemplate jdbc,
            int windowsPerRun,
            IndexProperties.Backfill configured,
            Clock clock) {
        return new BackfillRunner(
                services, planner, windows, new BackfillQueue(jdbc), windowsPerRun, configured, clock);
    }

    public IndexStats run() {
        queueConfiguredOnce();
        List<Step> steps = new ArrayList<>();
        for (BackfillRequest request : queue.pending()) {
            planner.steps(request.doneUntil(), request.to()).stream()
                    .limit(windowsPerRun - steps.size())
                    .forEach(window -> steps.add(new Step(request, window)));
        }
        // its own memory, for this run only: a backfill stores what it reads even if the regular runs saw it
        SeenTraces seen = new SeenTraces(Duration.ZERO, clock);
        return ReadAhead.run(
                (Consumer<Read> sink) -> steps.forEach(step -> services.forEach(
                        service -> windows.read(service, step.window(), piece -> sink.accept(new Read(step, piece))))),
                read -> windows.store(read.piece(), seen, () -> progress(read)));
    }

    /** A window counts as done once the last piece of its last service is stored. */
    private void progress(Read read) {
        Piece piece = read.piece();
        if (piece.service().equals(services.getLast())
                && piece.range().to().equals(read.step().window().to())) {
            queue.progress(read.step().request(), piece.range().to(), clock.instant());
        }
    }

    private record Step(BackfillRequest request, TimeRange window) {}

    private record Read(Step step, Piece piece) {}

    /** {@code portal.index.backfill} is queued once, not again at every start while it stays configured. */
    private void queueConfiguredOnce() {
        if (!configuredQueued && configured.requested() && !queue.exists(configured.from(), configured.to())) {
            queue.request(configured.from(), configured.to(), "configuration", clock.instant());
        }
        configuredQueued = true;
    }
}

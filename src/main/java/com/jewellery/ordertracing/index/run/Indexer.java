package com.jewellery.ordertracing.index.run;

import com.jewellery.ordertracing.analytics.JourneyMeasurements;
import com.jewellery.ordertracing.base.Backoff;
import com.jewellery.ordertracing.index.IndexProperties;
import com.jewellery.ordertracing.index.backfill.BackfillRunner;
import com.jewellery.ordertracing.index.partitions.PartitionMaintenance;
import com.jewellery.ordertracing.index.read.TraceSource;
import com.jewellery.ordertracing.index.read.WindowIndexer;
import com.jewellery.ordertracing.index.read.WindowPlanner;
import com.jewellery.ordertracing.index.store.JourneyRefresher;
import com.jewellery.ordertracing.journey.JourneyAssembler;
import com.jewellery.ordertracing.journey.StageDefinition;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The indexer's parts wired together, the same way for the portal and for tests that run several
 * indexers side by side.
 *
 * @param cycle    one tick: lock, partitions, cursors, backfills
 * @param state    what the status page shows
 * @param cursors  where each service has been read up to
 * @param services the services read, one per span stage's service
 */
record Indexer(IndexerCycle cycle, IndexerState state, CursorStore cursors, List<String> services) {

    /** Backfill windows per run, so a long backfill does not hold up new traces. */
    static final int BACKFILL_WINDOWS_PER_RUN = 12;

    static Indexer create(
            IndexProperties properties,
            TraceSource source,
            JdbcTemplate jdbc,
            TransactionOperations transactions,
            JourneyAssembler assembler,
            IndexerLock.Connections connections,
            Clock clock) {
        return create(properties, source, jdbc, transactions, assembler, connections, JourneyMeasurements.NONE, clock);
    }

    /** @param measurements kept in step with every journey written (stage analytics) */
    static Indexer create(
            IndexProperties properties,
            TraceSource source,
            JdbcTemplate jdbc,
            TransactionOperations transactions,
            JourneyAssembler assembler,
            IndexerLock.Connections connections,
            JourneyMeasurements measurements,
            Clock clock) {
        List<String> services = assembler.catalog().stages().stream()
                .filter(stage -> !stage.isDerived())
                .map(StageDefinition::service)
                .distinct()
                .toList();
        WindowIndexer windows = WindowIndexer.of(
                source,
                properties.searchDepth(),
                properties.window(),
                JourneyRefresher.of(jdbc, assembler, measurements, clock),
                transactions,
                jdbc);
        WindowPlanner planner = WindowPlanner.of(properties);
        CursorStore cursors = new CursorStore(jdbc);
        IndexerState state = new IndexerState(properties.enabled());
        IndexerCycle cycle = new IndexerCycle(
                new IndexerLock(connections, properties.lockKey()),
                new PartitionMaintenance(
                        jdbc, transactions, properties.partitionsAhead(), properties.retentionDays(), clock),
                new CursorIndexer(
                        services,
                        planner,
                        windows,
                        cursors,
                        properties.overlap().multipliedBy(2),
                        clock),
                BackfillRunner.of(
                        services, planner, windows, jdbc, BACKFILL_WINDOWS_PER_RUN, properties.backfill(), clock),
                measurements,
                retries(properties, clock),
                state,
                clock);
        return new Indexer(cycle, state, cursors, services);
    }

    /** From one interval after the first failure up to max-backoff; an interval longer than that waits max-backoff. */
    private static Backoff.Retries retries(IndexProperties properties, Clock clock) {
        Duration first = properties.interval().compareTo(properties.maxBackoff()) > 0
                ? properties.maxBackoff()
                : properties.interval();
        return Backoff.unlimited(first, properties.maxBackoff()).retries(clock);
    }
}

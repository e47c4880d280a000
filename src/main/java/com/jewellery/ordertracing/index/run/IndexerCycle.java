package com.jewellery.ordertracing.index.run;

import com.jewellery.ordertracing.analytics.JourneyMeasurements;
import com.jewellery.ordertracing.base.Backoff;
import com.jewellery.ordertracing.index.backfill.BackfillRunner;
import com.jewellery.ordertracing.index.partitions.PartitionMaintenance;
import com.jewellery.ordertracing.index.read.IndexStats;
import com.jewellery.ordertracing.jaeger.JaegerException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.TransactionException;

/**
 * One tick of the indexer: take or keep the lock, then (unless backing off after failures) maintain
 * partitions, index new windows from the cursors, work on requested backfills and let analytics measure a
 * batch of journeys stored before it kept measurements. Failures are caught,
 * recorded for the status page and retried with exponential backoff; nothing is lost meanwhile, because
 * the cursors only move past windows that were stored.
 */
final class IndexerCycle {

    private static final Logger log = LoggerFactory.getLogger(IndexerCycle.class);

    private final IndexerLock lock;
    private final PartitionMaintenance partitions;
    private final CursorIndexer cursorIndexer;
    private final BackfillRunner backfills;
    private final JourneyMeasurements measurements;
    private final Backoff.Retries backoff;
    private final IndexerState state;
    private final Clock clock;

    IndexerCycle(
            IndexerLock lock,
            PartitionMaintenance partitions,
            CursorIndexer cursorIndexer,
            BackfillRunner backfills,
            JourneyMeasurements measurements,
            Backoff.Retries backoff,
            IndexerState state,
            Clock clock) {
        this.lock = lock;
        this.partitions = partitions;
        this.cursorIndexer = cursorIndexer;
        this.backfills = backfills;
        this.measurements = measurements;
        this.backoff = backoff;
        this.state = state;
        this.clock = clock;
    }

    /** Runs one tick; never throws. */
    synchronized void runOnce() {
        if (!backoff.mayAttempt()) {
            return;
        }
        try {
            long term = lock.terms();
            if (!lock.holdOrAcquire()) {
                backoff.succeeded();
                state.standby();
                return;
            }
            if (lock.terms() != term) {
                cursorIndexer.forgetStored();
            }
            partitions.maintainIfDue();
            IndexStats stats = cursorIndexer.run().plus(backfills.run());
            measurements.catchUp();
            backoff.succeeded();
            state.succeeded(stats, clock.instant());
            stats.saturated()
                    .forEach(range -> log.error(
                            "Jaeger returned {} traces or more for {} even at the "
                                    + "smallest window: traces there may be missing; raise portal.index.search-depth",
                            range));
        } catch (SQLException | RuntimeException failure) {
            fail(failure);
        }
    }

    /** Stops indexing on this instance and lets another take over. */
    synchronized void release() {
        lock.close();
    }

    private void fail(Exception failure) {
        cursorIndexer.forgetStored();
        Duration delay = backoff.failed();
        IndexerState.Failure kind = kindOf(failure);
        state.failed(
                lock.held() ? IndexerState.Role.LEADER : IndexerState.Role.STANDBY,
                kind,
                failure.getMessage(),
                backoff.failures(),
                backoff.nextAttempt().orElse(null));
        if (backoff.failures() == 1) {
            log.warn("Indexer run failed ({}); retrying with backoff, next in {}", kind, delay, failure);
        } else {
            log.warn(
                    "Indexer run failed again ({} times, {}): {}; next attempt in {}",
                    backoff.failures(),
                    kind,
                    failure.getMessage(),
                    delay);
        }
    }

    private static IndexerState.Failure kindOf(Exception failure) {
        if (failure instanceof JaegerException) {
            return IndexerState.Failure.JAEGER;
        }
        boolean database = failure instanceof SQLException
                || failure instanceof DataAccessException
                || failure instanceof TransactionException;
        return database ? IndexerState.Failure.DATABASE : IndexerState.Failure.OTHER;
    }
}

package com.jewellery.ordertracing.index.run;

import com.jewellery.ordertracing.analytics.JourneyMeasurements;
import com.jewellery.ordertracing.index.IndexProperties;
import com.jewellery.ordertracing.index.read.TraceSource;
import com.jewellery.ordertracing.jaeger.JaegerClient;
import com.jewellery.ordertracing.journey.JourneyAssembler;
import com.jewellery.ordertracing.journey.StageCatalog;
import com.jewellery.ordertracing.support.TestDatabase;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The indexer as the benchmarks run it ({@link IndexerBenchmark}, {@link MeasurementsCost}): the portal's wiring
 * over a benchmark schema and a Jaeger of its own, windows of 5 minutes, one minute of overlap, no lag, a lock key
 * of its own so a portal running beside it does not take over.
 */
final class BenchmarkIndexers {

    private BenchmarkIndexers() {}

    static Indexer create(
            HikariDataSource dataSource,
            JaegerClient jaeger,
            int searchDepth,
            long lockKey,
            JourneyMeasurements measurements) {
        IndexProperties properties = new IndexProperties(
                true,
                Duration.ofSeconds(5),
                Duration.ofMinutes(5),
                Duration.ofMinutes(1),
                Duration.ZERO,
                Duration.ZERO,
                searchDepth,
                Duration.ofMinutes(1),
                90,
                7,
                lockKey,
                null);
        return Indexer.create(
                properties,
                TraceSource.jaeger(jaeger),
                new JdbcTemplate(dataSource),
                new TransactionTemplate(new DataSourceTransactionManager(dataSource)),
                new JourneyAssembler(StageCatalog.defaults()),
                () -> DriverManager.getConnection(dataSource.getJdbcUrl(), TestDatabase.USER, TestDatabase.PASSWORD),
                measurements,
                Clock.systemUTC());
    }

    /** Every service's cursor just before the load started, so one run reads all of it. */
    static void startAt(Indexer indexer, Instant loadStarted) {
        indexer.services()
                .forEach(service -> indexer.cursors().advance(service, loadStarted.minusSeconds(1), Instant.now()));
    }
}

package com.jewellery.ordertracing.index.run;

import com.jewellery.orderflow.scenario.GroundTruth;
import com.jewellery.ordertracing.analytics.JourneyMeasurements;
import com.jewellery.ordertracing.analytics.MeasurementWriter;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the stage measurements and their rollups cost the indexer ({@code bin/analytics-benchmark indexer}): the
 * same traces indexed into an emptied schema, alternately without and with them, {@code rounds} times each.
 */
final class MeasurementsCost {

    private MeasurementsCost() {}

    static void compare(
            GroundTruth truth,
            HikariDataSource dataSource,
            JaegerClient jaeger,
            int searchDepth,
            CpuByProcess cpu,
            int rounds) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        List<Double> without = new ArrayList<>();
        List<Double> with = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            without.add(
                    indexOnce(truth, dataSource, jdbc, jaeger, searchDepth, cpu, JourneyMeasurements.NONE, "without"));
            with.add(indexOnce(truth, dataSource, jdbc, jaeger, searchDepth, cpu, new MeasurementWriter(jdbc), "with"));
        }
        double a = without.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double b = with.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        System.out.printf(
                "Mean over %d rounds: %.0f traces/s without measurements, %.0f with: %.1f %% of without.%n",
                rounds, a, b, b / a * 100);
    }

    private static double indexOnce(
            GroundTruth truth,
            HikariDataSource dataSource,
            JdbcTemplate jdbc,
            JaegerClient jaeger,
            int searchDepth,
            CpuByProcess cpu,
            JourneyMeasurements measurements,
            String label) {
        jdbc.execute(
                "TRUNCATE order_journey, indexer_cursor, indexer_backfill, stage_measurement, stage_rollup_minute, "
                        + "stage_rollup_hour");
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
                727998,
                null);
        Indexer indexer = Indexer.create(
                properties,
                TraceSource.jaeger(jaeger),
                jdbc,
                new TransactionTemplate(new DataSourceTransactionManager(dataSource)),
                new JourneyAssembler(StageCatalog.defaults()),
                () -> DriverManager.getConnection(dataSource.getJdbcUrl(), TestDatabase.USER, TestDatabase.PASSWORD),
                measurements,
                Clock.systemUTC());
        indexer.services()
                .forEach(service ->
                        indexer.cursors().advance(service, truth.startedAt().minusSeconds(1), Instant.now()));
        Map<String, Duration> cpuBefore = cpu.snapshot();
        long start = System.nanoTime();
        indexer.cycle().runOnce();
        Duration wall = Duration.ofNanos(System.nanoTime() - start);
        indexer.cycle().release();
        IndexerState.Snapshot state = indexer.state().snapshot();
        if (state.failure() != null) {
            throw new IllegalStateException("indexing failed: " + state.errorMessage());
        }
        long traces = jdbc.queryForObject(
                "SELECT count(DISTINCT trace_id) FROM order_journey, unnest(trace_ids) AS trace_id", Long.class);
        long journeys = jdbc.queryForObject("SELECT count(*) FROM order_journey", Long.class);
        long rows = jdbc.queryForObject("SELECT count(*) FROM stage_measurement", Long.class);
        double perSecond = traces / (wall.toNanos() / 1e9);
        System.out.printf(
                "%s measurements: %d traces, %d journeys, %d measurement rows in %.1f s: %.0f traces/s; CPU %s.%n",
                label,
                traces,
                journeys,
                rows,
                wall.toNanos() / 1e9,
                perSecond,
                CpuByProcess.between(cpuBefore, cpu.snapshot(), wall));
        return perSecond;
    }
}

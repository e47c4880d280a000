package com.jewellery.ordertracing.index.run;

import com.jewellery.orderflow.scenario.GroundTruth;
import com.jewellery.ordertracing.analytics.JourneyMeasurements;
import com.jewellery.ordertracing.analytics.MeasurementWriter;
import com.jewellery.ordertracing.jaeger.JaegerClient;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the stage measurements and their rollups cost the indexer ({@code bin/analytics-benchmark indexer}): the
 * same traces indexed into an emptied schema, without and with them in interleaved rounds (A B A B …, each round
 * a pair), so the load of other processes on the machine falls on both alike, after a pair that warms the JVM up.
 * Reports every pair's ratio, their median, and the ratio of the means.
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
        double[] ratios = new double[rounds];
        // the first A of a run also compiles the indexer's hot paths (1.1 cores of JVM against 0.5 afterwards):
        // counted, it made round 1 favour B by 10-30 %
        System.out.println("Warm-up pair, not counted:");
        indexOnce(truth, dataSource, jdbc, jaeger, searchDepth, cpu, JourneyMeasurements.NONE, "A");
        indexOnce(truth, dataSource, jdbc, jaeger, searchDepth, cpu, new MeasurementWriter(jdbc), "B");
        for (int round = 0; round < rounds; round++) {
            without.add(indexOnce(truth, dataSource, jdbc, jaeger, searchDepth, cpu, JourneyMeasurements.NONE, "A"));
            with.add(indexOnce(truth, dataSource, jdbc, jaeger, searchDepth, cpu, new MeasurementWriter(jdbc), "B"));
            ratios[round] = with.getLast() / without.getLast();
            System.out.printf("Round %d: B/A = %.1f %%.%n", round + 1, ratios[round] * 100);
        }
        double a = without.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double b = with.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        Arrays.sort(ratios);
        double median = rounds % 2 == 1 ? ratios[rounds / 2] : (ratios[rounds / 2 - 1] + ratios[rounds / 2]) / 2;
        System.out.printf(
                "%d interleaved rounds: mean %.0f traces/s without measurements (A), %.0f with (B): %.1f %% of "
                        + "without; median of the rounds' ratios %.1f %% (lowest %.1f %%, highest %.1f %%).%n",
                rounds, a, b, b / a * 100, median * 100, ratios[0] * 100, ratios[rounds - 1] * 100);
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
        jdbc.execute("TRUNCATE order_journey, indexer_cursor, indexer_backfill, order_measurement, stage_drill_down, "
                + "stage_rollup_minute, "
                + "stage_rollup_15m, stage_rollup_hour, stage_rollup_6h");
        // the first run's tables are as empty as the next's; VACUUM so dead rows of the last round cost no one
        jdbc.execute("VACUUM ANALYZE order_journey, order_measurement, stage_drill_down");
        Indexer indexer = BenchmarkIndexers.create(dataSource, jaeger, searchDepth, 727998, measurements);
        BenchmarkIndexers.startAt(indexer, truth.startedAt());
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
                "%s (%s measurements): %d traces, %d journeys, %d measurement rows in %.1f s: %.0f traces/s; CPU %s.%n",
                label,
                measurements == JourneyMeasurements.NONE ? "without" : "with",
                traces,
                journeys,
                rows,
                wall.toNanos() / 1e9,
                perSecond,
                CpuByProcess.between(cpuBefore, cpu.snapshot(), wall));
        return perSecond;
    }
}

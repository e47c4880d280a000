package com.jewellery.ordertracing.journey;

import com.jewellery.ordertracing.analytics.JourneyMeasurements;
import com.jewellery.ordertracing.analytics.MeasurementWriter;
import com.jewellery.ordertracing.index.store.JourneyRefresher;
import com.jewellery.ordertracing.support.TestDatabase;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the measurements cost the indexer's write path alone, without Jaeger: {@code orders} synthetic orders
 * ({@link OrderFlowSpans}) stored through the indexer's {@link JourneyRefresher} in pieces of 500 orders, each
 * piece in a transaction, first the shop and CRM spans, then the MES spans (so every journey is re-assembled
 * once, and its measurements read back and replaced, as when the MES service's search comes after the shop's),
 * without (A) and with (B) the measurements, interleaved A B A B. Reading from Jaeger and decoding protobuf, about
 * half of the real indexer's CPU, are left out, so the ratio is a lower bound of the indexer's. A command:
 * {@code java … StoreCostBenchmark [orders] [rounds]} against {@code PORTAL_TEST_DB_URL}, schema {@value #SCHEMA}.
 */
public final class StoreCostBenchmark {

    private static final String SCHEMA = "store_cost_bench";
    private static final int PIECE = 500;

    private StoreCostBenchmark() {}

    public static void main(String... args) {
        int orders = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        Instant start = Instant.now().minus(Duration.ofHours(2));
        List<List<SpanRecord>> first = new ArrayList<>();
        List<List<SpanRecord>> later = new ArrayList<>();
        for (int from = 0; from < orders; from += PIECE) {
            List<SpanRecord> shopAndCrm = new ArrayList<>();
            List<SpanRecord> mes = new ArrayList<>();
            for (int i = from; i < Math.min(orders, from + PIECE); i++) {
                OrderFlowSpans order = OrderFlowSpans.order("ORD-COST-" + i, start.plusMillis(i * 50L));
                if (i % 50 == 0) {
                    order.pricingFails();
                }
                for (SpanRecord span : order.spans()) {
                    (span.service().equals("mes") ? mes : shopAndCrm).add(span);
                }
            }
            first.add(shopAndCrm);
            later.add(mes);
        }
        try (HikariDataSource dataSource = dataSource()) {
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
            JourneyAssembler assembler = new JourneyAssembler(StageCatalog.defaults());
            double[] ratios = new double[rounds];
            double sumA = 0;
            double sumB = 0;
            for (int round = 0; round < rounds; round++) {
                double a = run("A (without)", jdbc, transactions, assembler, JourneyMeasurements.NONE, first, later);
                MeasurementWriter writer = new MeasurementWriter(jdbc);
                long[] inWriter = {0};
                JourneyMeasurements timed = journeys -> {
                    long t0 = System.nanoTime();
                    writer.saved(journeys);
                    inWriter[0] += System.nanoTime() - t0;
                };
                double b = run("B (with)", jdbc, transactions, assembler, timed, first, later);
                System.out.printf("  of which in the measurement writer: %.1f s%n", inWriter[0] / 1e9);
                ratios[round] = b / a;
                sumA += a;
                sumB += b;
                System.out.printf("Round %d: B/A = %.1f %%%n", round + 1, ratios[round] * 100);
            }
            Arrays.sort(ratios);
            System.out.printf(
                    "%d orders, %d interleaved rounds: mean %.0f orders/s without, %.0f with: %.1f %%; median of the "
                            + "rounds' ratios %.1f %% (%.1f–%.1f %%).%n",
                    orders,
                    rounds,
                    sumA / rounds,
                    sumB / rounds,
                    sumB / sumA * 100,
                    (ratios[(rounds - 1) / 2] + ratios[rounds / 2]) / 2 * 100,
                    ratios[0] * 100,
                    ratios[rounds - 1] * 100);
        }
    }

    private static double run(
            String label,
            JdbcTemplate jdbc,
            TransactionTemplate transactions,
            JourneyAssembler assembler,
            JourneyMeasurements measurements,
            List<List<SpanRecord>> first,
            List<List<SpanRecord>> later) {
        jdbc.execute(
                "TRUNCATE order_journey, order_measurement, stage_drill_down, stage_rollup_minute, stage_rollup_15m, "
                        + "stage_rollup_hour, stage_rollup_6h");
        jdbc.execute("VACUUM ANALYZE order_journey, order_measurement, stage_drill_down");
        JourneyRefresher refresher = JourneyRefresher.of(jdbc, assembler, measurements, Clock.systemUTC());
        long started = System.nanoTime();
        int journeys = 0;
        for (List<List<SpanRecord>> pass : List.of(first, later)) {
            for (List<SpanRecord> piece : pass) {
                journeys +=
                        transactions.execute(status -> refresher.refresh(piece).journeys());
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        long rows = jdbc.queryForObject("SELECT count(*) FROM stage_measurement", Long.class);
        int orders = first.stream()
                .mapToInt(piece -> (int) piece.stream()
                        .map(span -> span.orderId().orElseThrow())
                        .distinct()
                        .count())
                .sum();
        System.out.printf(
                "%s: %d journeys saved (%d orders twice), %d measurement rows, %.1f s: %.0f orders/s%n",
                label, journeys, orders, rows, seconds, orders / seconds);
        return orders / seconds;
    }

    private static HikariDataSource dataSource() {
        Flyway.configure()
                .dataSource(TestDatabase.URL, TestDatabase.USER, TestDatabase.PASSWORD)
                .schemas(SCHEMA)
                .createSchemas(true)
                .cleanDisabled(false)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        return TestDatabase.pool(TestDatabase.URL + "?currentSchema=" + SCHEMA, 2);
    }
}

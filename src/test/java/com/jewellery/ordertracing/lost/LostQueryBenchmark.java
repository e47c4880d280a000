package com.jewellery.ordertracing.lost;

import com.jewellery.ordertracing.journey.StageCatalog;
import com.jewellery.ordertracing.support.PlantedJourneys;
import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Benchmark (a command, not a test): the lost-orders queries on a scratch database holding {@code rows}
 * indexed orders, 1 % of them open (stuck, lost or failed), spread over a week of daily partitions.
 * Run with {@code bin/bench-lost [rows]}; prints p50/p95 per query as a Markdown table.
 */
public final class LostQueryBenchmark {

    private static final String SCHEMA = "lost_bench";
    private static final int RUNS = 40;
    private static final int DAYS = 7;

    private LostQueryBenchmark() {}

    public static void main(String[] args) {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        String base =
                System.getenv().getOrDefault("PORTAL_BENCH_DB_URL", "jdbc:postgresql://127.0.0.1:15432/portal_bench");
        Flyway.configure()
                .dataSource(base, "portal", "portal")
                .schemas(SCHEMA)
                .createSchemas(true)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        DriverManagerDataSource dataSource =
                new DriverManagerDataSource(base + "?currentSchema=" + SCHEMA, "portal", "portal");
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        Instant now = Instant.now();
        fill(jdbc, rows, now);
        run(jdbc, rows, now);
    }

    private static void fill(JdbcTemplate jdbc, int rows, Instant now) {
        Long existing = jdbc.queryForObject("SELECT count(*) FROM order_journey", Long.class);
        if (existing != null && existing == rows) {
            System.out.println("Reusing " + rows + " rows in " + SCHEMA + " (times shifted to now)");
            jdbc.update(
                    "UPDATE order_journey SET first_seen = first_seen + (now() - (SELECT max(first_seen) FROM order_journey)),"
                            + " last_stage_ended_at = last_stage_ended_at + (now() - (SELECT max(first_seen) FROM order_journey))"
                            + " WHERE outcome <> 'COMPLETED'");
            jdbc.execute("VACUUM ANALYZE order_journey");
            return;
        }
        System.out.println("Generating " + rows + " orders in schema " + SCHEMA + " ...");
        jdbc.execute("TRUNCATE order_journey");
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        for (int day = -DAYS; day <= 1; day++) {
            LocalDate date = today.plusDays(day);
            jdbc.execute("CREATE TABLE IF NOT EXISTS order_journey_"
                    + date.toString().replace("-", "") + " PARTITION OF order_journey FOR VALUES FROM ('" + date
                    + "') TO ('" + date.plusDays(1) + "')");
        }
        long start = System.nanoTime();
        Duration span = Duration.ofDays(DAYS);
        PlantedJourneys.insert(jdbc, "ORD-BENCH-", now.minus(span), span, rows);
        jdbc.execute("VACUUM ANALYZE order_journey");
        System.out.printf(
                "Generated in %d s%n",
                Duration.ofNanos(System.nanoTime() - start).toSeconds());
    }

    private static void run(JdbcTemplate jdbc, int rows, Instant now) {
        LostOrderQueries queries = new LostOrderQueries(jdbc);
        DetectionRules rules = DetectionRules.from(
                StageCatalog.defaults(), Map.of(), null, Duration.ofSeconds(15), EnumSet.allOf(ProblemReason.class));
        ProblemFilter stageAndReason =
                ProblemFilter.NONE.withStage("crm.process").withReason(ProblemReason.LOST);
        ProblemFilter lastDay =
                new ProblemFilter(null, null, Duration.ofMinutes(5), now.minus(Duration.ofDays(1)), null, null);
        long open = queries.count(rules.at(now), ProblemFilter.NONE);
        System.out.printf("%n%d orders, %d listed (%.2f %%)%n%n", rows, open, 100.0 * open / rows);
        System.out.println("| query | p50 ms | p95 ms |");
        System.out.println("|---|---|---|");
        time(
                "list, first page of 50, longest stuck first",
                () -> queries.page(rules.at(now), ProblemFilter.NONE, ProblemSort.LONGEST_STUCK_FIRST, 0, 50));
        time(
                "list, page at offset 5000",
                () -> queries.page(rules.at(now), ProblemFilter.NONE, ProblemSort.LONGEST_STUCK_FIRST, 5000, 50));
        time(
                "list, stage + reason filter, sorted by order id",
                () -> queries.page(
                        rules.at(now), stageAndReason, new ProblemSort(ProblemSort.Key.ORDER_ID, true), 0, 50));
        time(
                "list, last 24 h and stuck >= 5 min",
                () -> queries.page(rules.at(now), lastDay, ProblemSort.LONGEST_STUCK_FIRST, 0, 50));
        time("count of the list (for paging)", () -> queries.count(rules.at(now), ProblemFilter.NONE));
        time("counts per stage and reason", () -> queries.countByStageAndReason(rules.at(now), ProblemFilter.NONE));
        time(
                "coverage: stages of the latest 5000 orders",
                () -> queries.stageReach(now.minus(Duration.ofDays(1)), now, 5000));
        time("error-rate tallies, 15 min window", () -> queries.stageTallies(now.minus(Duration.ofMinutes(15)), now));
        time("CSV export of the whole list (streamed)", () -> {
            List<OrderProblem> sink = new ArrayList<>();
            queries.forEach(rules.at(now), ProblemFilter.NONE, ProblemSort.LONGEST_STUCK_FIRST, sink::add);
            return OutputStream.nullOutputStream();
        });
    }

    private static void time(String name, Supplier<Object> query) {
        for (int i = 0; i < 3; i++) {
            query.get();
        }
        long[] millis = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            query.get();
            millis[i] = (System.nanoTime() - start) / 1_000_000;
        }
        Arrays.sort(millis);
        System.out.printf(
                Locale.ROOT, "| %s | %d | %d |%n", name, millis[RUNS / 2], millis[(int) Math.ceil(RUNS * 0.95) - 1]);
    }
}

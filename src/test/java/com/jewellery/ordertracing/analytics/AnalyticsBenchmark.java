package com.jewellery.ordertracing.analytics;

import com.jewellery.ordertracing.journey.StageCatalog;
import com.jewellery.ordertracing.journey.StageDefinition;
import com.jewellery.ordertracing.support.TestDatabase;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Query times of the analytics view at realistic volume, and the percentile error per stage. A command, not a
 * test: {@code bin/analytics-benchmark [--orders-per-day 1000000] [--days 7] [--schema S]}. Fills schema S (default
 * {@value #DEFAULT_SCHEMA}) of the
 * scratch database {@code portal_bench} once (kept and reused by the next run; a different volume refills it):
 * <ul>
 *   <li>{@code days} days up to the last day of the data of stage measurements for {@code orders-per-day} orders
 *       a day: eight catalog stages and end to end, log-normal durations per stage (price calculation with a 2 %
 *       slow tail), errors at a per-stage rate; stored as the indexer stores them (a row per order, and the
 *       drill-down's rows: each stage and minute's slowest and every failed one); daily partitions as the indexer
 *       makes them;</li>
 *   <li>the rollups of those days built from the measurements (GROUP BY, the same sums the indexer keeps
 *       incrementally), and the last day's copied to the days before them: minute rollups for at least 4 days
 *       (charts read them up to 50 h, twice that with the previous period), hour and 6-hour rollups for 60 days
 *       (30 days and the 30 before them).</li>
 * </ul>
 * Then each preset's report (both periods, every stage) and the drill-down of one bucket per resolution are
 * timed through the portal's own {@link AnalyticsQueries}, 3 warm-up and 20 measured runs each.
 */
public final class AnalyticsBenchmark {

    private static final String DEFAULT_SCHEMA = "analytics_bench";
    private static final String URL = TestDatabase.URL.replace("/portal_test", "/portal_bench");
    private static final LocalDate LAST_DAY = LocalDate.of(2026, 11, 1);
    /**
     * Five warm-up runs: from its fifth use on a connection a statement is prepared on the server and the driver
     * receives the rollup arrays in binary, as a pooled connection of the portal does after a few charts.
     */
    private static final int WARM_UP = 5;

    private static final int RUNS = 20;

    /** Median duration (ms), log-normal sigma, error rate of the synthetic stages. */
    private record Shape(String stageId, double medianMillis, double sigma, double errorRate, Duration sla) {}

    /**
     * A rollup table's rows from the generated measurements ({@code bench_stage_rows}, a row per order and stage):
     * per stage and minute (hour), the histogram as an array, and where the minute's orders begin.
     */
    private static final String ROLLUP = """
            INSERT INTO %1$s (stage_id, bucket_start, counts, orders, errors, sla_ok, first_seen_from, first_seen_until)
            SELECT r.stage_id, r.t, CAST('[' || r.lo || ':' || r.hi || ']=' || CAST(array_agg(coalesce(c.n, 0) ORDER BY g)
                    AS text) AS integer[]), r.orders, r.errors, r.sla_ok, r.first_seen_from, r.first_seen_until
            FROM (SELECT stage_id, %2$s AS t, CAST(min(bucket) AS integer) AS lo, CAST(max(bucket) AS integer) AS hi,
                    count(*) AS orders, count(*) FILTER (WHERE error) AS errors, count(*) FILTER (WHERE sla_ok) AS sla_ok,
                    min(first_seen) AS first_seen_from, max(first_seen) AS first_seen_until
                  FROM bench_stage_rows GROUP BY 1, 2) r
            CROSS JOIN LATERAL generate_series(r.lo, r.hi) AS g
            LEFT JOIN (SELECT stage_id, %2$s AS t, bucket, count(*) AS n
                  FROM bench_stage_rows GROUP BY 1, 2, 3) c ON c.stage_id = r.stage_id AND c.t = r.t AND c.bucket = g
            GROUP BY r.stage_id, r.t, r.lo, r.hi, r.orders, r.errors, r.sla_ok, r.first_seen_from, r.first_seen_until""";

    /** One day's generated rows as the writer stores them: a row per order. */
    private static final String ORDER_ROWS = """
            INSERT INTO order_measurement (first_seen, order_id, stage_ids, ended_us, duration_us, buckets, errors, sla_ok)
            SELECT first_seen, order_id, array_agg(stage_id ORDER BY stage_id),
                array_agg(CAST(extract(epoch FROM ended_at) * 1000000 AS bigint) ORDER BY stage_id),
                array_agg(duration_us ORDER BY stage_id), array_agg(bucket ORDER BY stage_id),
                array_agg(error ORDER BY stage_id), array_agg(sla_ok ORDER BY stage_id)
            FROM bench_stage_rows WHERE first_seen >= ? AND first_seen < ? GROUP BY first_seen, order_id""";

    /** One day's drill-down rows as the writer keeps them: each stage and minute's slowest, and the failed. */
    private static final String DRILL_DOWN_ROWS = """
            INSERT INTO stage_drill_down (stage_id, ended_at, order_id, first_seen, duration_us, error, sla_ok, slowest)
            SELECT stage_id, ended_at, order_id, first_seen, duration_us, error, sla_ok, rank <= ?
            FROM (SELECT r.*, row_number() OVER (PARTITION BY stage_id, date_trunc('minute', ended_at)
                    ORDER BY duration_us DESC, order_id) AS rank
                  FROM bench_stage_rows r WHERE first_seen >= ? AND first_seen < ?) ranked
            WHERE rank <= ? OR error""";

    /** The measurements of a range, a row per order and stage; the generated orders end within a day of first_seen. */
    private static final String MEASURED =
            "(SELECT * FROM stage_measurement WHERE first_seen >= CAST(? AS timestamptz) "
                    + "- INTERVAL '1 day' AND first_seen < CAST(? AS timestamptz)) m";

    private AnalyticsBenchmark() {}

    public static void main(String... args) {
        long perDay = 1_000_000;
        int days = 7;
        String schema = DEFAULT_SCHEMA;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--orders-per-day" -> perDay = Long.parseLong(args[i + 1]);
                case "--days" -> days = Integer.parseInt(args[i + 1]);
                case "--schema" -> schema = args[i + 1];
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        try (HikariDataSource dataSource = dataSource(schema)) {
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            fillUnlessDone(jdbc, perDay, days, schema);
            AnalyticsQueries queries = new AnalyticsQueries(jdbc);
            List<String> stages = stageIds();
            Instant end = start(LAST_DAY.plusDays(1));
            System.out.println("| query | rows read | p50 ms | p95 ms | max ms |");
            System.out.println("|---|---|---|---|---|");
            long presetRows = 0;
            for (AnalyticsRange.Preset preset : AnalyticsRange.Preset.values()) {
                presetRows += rollupRows(jdbc, Resolution.fitting(end.minus(preset.length()), end), preset.length());
            }
            // what the portal does on a thread of its own once it has started
            time("warm-up after a start: the four presets' rows, both periods", presetRows, () -> warmedUp(jdbc, end));
            for (Duration length :
                    List.of(Duration.ofHours(1), Duration.ofHours(24), Duration.ofDays(7), Duration.ofDays(30))) {
                AnalyticsRange range = new AnalyticsRange(end.minus(length), end);
                Resolution resolution = Resolution.fitting(range.from(), range.to());
                long rows = rollupRows(jdbc, resolution, length);
                String what = "report " + length.toString().substring(2).toLowerCase()
                        + " + previous period, all stages, "
                        + resolution.step().toString().substring(2).toLowerCase() + " steps from the "
                        + resolution.rollup().name().toLowerCase() + " rollup";
                // no rows held: what the first report after a start costs
                time(
                        what + ", cold (nothing held)",
                        rows,
                        () -> {},
                        () -> AnalyticsReport.of(new AnalyticsQueries(jdbc), stages, range));
                // the first report after a start once the warm-up has run, the newest row changed since
                Instant newest = resolution.to().minus(resolution.rollup().width());
                Runnable changeNewest = () -> jdbc.update(
                        "UPDATE " + resolution.rollup().table() + " SET orders = orders WHERE bucket_start = ?",
                        MeasurementWriter.timestamp(newest));
                AnalyticsQueries[] started = new AnalyticsQueries[1];
                time(
                        what + ", first after the start's warm-up, newest row per stage changed",
                        rows,
                        () -> {
                            started[0] = warmedUp(jdbc, end);
                            changeNewest.run();
                        },
                        () -> AnalyticsReport.of(started[0], stages, range));
                // as in steady state: the rows held, the newest row of every stage re-written by the indexer since
                time(
                        what + ", held, newest row per stage changed",
                        rows,
                        changeNewest,
                        () -> AnalyticsReport.of(queries, stages, range));
            }
            for (Duration step : Resolution.STEPS) {
                // a bucket of the busy middle of the generated day (a day's bucket is the whole day)
                Instant from = Resolution.floor(end.minus(Duration.ofHours(12)), step);
                Instant to = from.plus(step);
                long rows = jdbc.queryForObject(
                        "SELECT count(*) FROM " + MEASURED + " WHERE stage_id = 'mes.price' "
                                + "AND ended_at >= ? AND ended_at < ?",
                        Long.class,
                        MeasurementWriter.timestamp(from),
                        MeasurementWriter.timestamp(to),
                        MeasurementWriter.timestamp(from),
                        MeasurementWriter.timestamp(to));
                time(
                        "drill-down mes.price, one "
                                + step.toString().substring(2).toLowerCase() + " bucket: 20 slowest + 20 failed",
                        rows,
                        () -> List.of(
                                queries.orders("mes.price", from, to, false, 20),
                                queries.orders("mes.price", from, to, true, 20)));
            }
            checkDrillDown(jdbc, queries, end);
            accuracy(jdbc, queries, stages);
            disk(jdbc, perDay * days);
        }
    }

    /** New queries, as after a start, warmed up as the portal warms them up at {@code now}. */
    private static AnalyticsQueries warmedUp(JdbcTemplate jdbc, Instant now) {
        AnalyticsQueries queries = new AnalyticsQueries(jdbc);
        new RollupWarmUp(queries, true, Clock.fixed(now, ZoneOffset.UTC)).warmUp();
        return queries;
    }

    private static void time(String what, long rows, Supplier<Object> query) {
        time(what, rows, () -> {}, query);
    }

    /** @param before run before each query, not timed */
    private static void time(String what, long rows, Runnable before, Supplier<Object> query) {
        for (int i = 0; i < WARM_UP; i++) {
            before.run();
            query.get();
        }
        double[] millis = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            before.run();
            long start = System.nanoTime();
            query.get();
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        System.out.printf(
                "| %s | %,d | %.1f | %.1f | %.1f |%n",
                what, rows, millis[RUNS / 2 - 1], millis[(int) Math.ceil(0.95 * RUNS) - 1], millis[RUNS - 1]);
    }

    /** The drill-down's slowest and failed orders are those an exact sort of the bucket's rows gives. */
    private static void checkDrillDown(JdbcTemplate jdbc, AnalyticsQueries queries, Instant end) {
        for (Duration step : Resolution.STEPS) {
            Instant from = Resolution.floor(end.minus(Duration.ofHours(12)), step);
            Instant to = from.plus(step);
            for (boolean failed : List.of(false, true)) {
                // compared by the sort key: orders with equal durations (or end times) may come in either order
                List<String> exact = jdbc.queryForList(
                        "SELECT CAST(" + (failed ? "ended_at" : "duration_us")
                                + " AS text) AS v FROM " + MEASURED + " WHERE stage_id = 'mes.price' AND ended_at >= ? "
                                + "AND ended_at < ?"
                                + (failed ? " AND error ORDER BY ended_at DESC" : " ORDER BY duration_us DESC")
                                + " LIMIT 20",
                        String.class,
                        MeasurementWriter.timestamp(from),
                        MeasurementWriter.timestamp(to),
                        MeasurementWriter.timestamp(from),
                        MeasurementWriter.timestamp(to));
                List<String> listed = queries.orders("mes.price", from, to, failed, 20).stream()
                        .map(order -> failed
                                ? jdbc.queryForObject(
                                        "SELECT CAST(CAST(? AS timestamptz) AS text)",
                                        String.class,
                                        MeasurementWriter.timestamp(order.endedAt()))
                                : Long.toString(order.micros()))
                        .toList();
                if (!exact.equals(listed)) {
                    throw new IllegalStateException("drill-down of " + step + (failed ? " (failed)" : "") + " lists "
                            + listed + " instead of " + exact);
                }
            }
        }
        System.out.println("Drill-down lists checked against an exact sort of every bucket size: equal.");
    }

    /** Rollup percentiles of the last day against percentile_disc and percentile_cont of the same measurements. */
    private static void accuracy(JdbcTemplate jdbc, AnalyticsQueries queries, List<String> stages) {
        Instant from = start(LAST_DAY);
        Instant to = start(LAST_DAY.plusDays(1));
        Map<String, Map<Instant, Histogram>> histograms = queries.histograms(Rollup.HOUR, from, to, Duration.ofDays(1));
        System.out.printf(
                "%nPercentile error of the rollups against the exact percentiles of the same %s measurements "
                        + "(stated bound %.2f %%; nearest rank / interpolated):%n%n",
                LAST_DAY, LogBuckets.RELATIVE_ERROR * 100);
        System.out.println(
                "| stage | orders | p50 exact ms | p50 err disc / cont | p95 exact ms | p95 err | p99 exact ms | p99 err |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        for (String stage : stages) {
            Histogram histogram = histograms.getOrDefault(stage, Map.of()).getOrDefault(from, new Histogram());
            Map<String, Object> exact = jdbc.queryForMap(
                    """
                    SELECT count(*) AS n,
                        percentile_disc(0.5) WITHIN GROUP (ORDER BY duration_us) AS d50,
                        percentile_cont(0.5) WITHIN GROUP (ORDER BY duration_us) AS c50,
                        percentile_disc(0.95) WITHIN GROUP (ORDER BY duration_us) AS d95,
                        percentile_cont(0.95) WITHIN GROUP (ORDER BY duration_us) AS c95,
                        percentile_disc(0.99) WITHIN GROUP (ORDER BY duration_us) AS d99,
                        percentile_cont(0.99) WITHIN GROUP (ORDER BY duration_us) AS c99
                    FROM """ + MEASURED + " WHERE stage_id = ? AND ended_at >= ? AND ended_at < ?",
                    MeasurementWriter.timestamp(from),
                    MeasurementWriter.timestamp(to),
                    stage,
                    MeasurementWriter.timestamp(from),
                    MeasurementWriter.timestamp(to));
            StringBuilder row = new StringBuilder("| " + stage + " | " + String.format("%,d", histogram.total()));
            for (String p : List.of("50", "95", "99")) {
                double estimate =
                        histogram.percentileMicros(Integer.parseInt(p) / 100.0).orElse(Double.NaN);
                double disc = ((Number) exact.get("d" + p)).doubleValue();
                double cont = ((Number) exact.get("c" + p)).doubleValue();
                row.append(String.format(
                        " | %.2f | %.2f %% / %.2f %%",
                        disc / 1000, Math.abs(estimate - disc) / disc * 100, Math.abs(estimate - cont) / cont * 100));
            }
            System.out.println(row + " |");
        }
    }

    private static void disk(JdbcTemplate jdbc, long orders) {
        long measurements = size(jdbc, "order_measurement") + size(jdbc, "stage_drill_down");
        long minute = size(jdbc, "stage_rollup_minute");
        long hour = size(jdbc, "stage_rollup_hour");
        long quarter = size(jdbc, "stage_rollup_15m");
        long minuteRows = jdbc.queryForObject("SELECT count(*) FROM stage_rollup_minute", Long.class);
        long hourRows = jdbc.queryForObject("SELECT count(*) FROM stage_rollup_hour", Long.class);
        long sixHours = size(jdbc, "stage_rollup_6h");
        double millions = orders / 1e6;
        System.out.printf(
                "%nDisk (tables and indexes): measurements %,d MB for %,d orders = %,.0f MB per million orders; "
                        + "minute rollup %,d rows in %d days, %,.0f MB per day; hour rollup %,d rows in %d days, %,.1f MB "
                        + "per day; 6-hour rollup %,.2f MB per day; 15-minute rollup %,.1f MB per day.%n",
                measurements >> 20,
                orders,
                (measurements >> 20) / millions,
                minuteRows,
                days(jdbc, "stage_rollup_minute"),
                (minute >> 20) / (double) days(jdbc, "stage_rollup_minute"),
                hourRows,
                days(jdbc, "stage_rollup_hour"),
                (hour >> 20) / (double) days(jdbc, "stage_rollup_hour"),
                sixHours / 1048576.0 / days(jdbc, "stage_rollup_6h"),
                quarter / 1048576.0 / days(jdbc, "stage_rollup_15m"));
    }

    private static long days(JdbcTemplate jdbc, String table) {
        return jdbc.queryForObject("SELECT count(DISTINCT date_trunc('day', bucket_start)) FROM " + table, Long.class);
    }

    private static long size(JdbcTemplate jdbc, String table) {
        return jdbc.queryForObject("""
                SELECT coalesce(sum(pg_total_relation_size(inhrelid)), 0) FROM pg_inherits
                WHERE inhparent = CAST(? AS regclass)""", Long.class, table);
    }

    private static long rollupRows(JdbcTemplate jdbc, Resolution resolution, Duration length) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM " + resolution.rollup().table() + " WHERE bucket_start >= ? AND bucket_start < ?",
                Long.class,
                MeasurementWriter.timestamp(resolution.from().minus(length)),
                MeasurementWriter.timestamp(resolution.to()));
    }

    private static List<String> stageIds() {
        List<String> ids = new ArrayList<>(StageCatalog.defaults().stages().stream()
                .map(StageDefinition::id)
                .toList());
        ids.add(StageMeasurement.END_TO_END);
        return ids;
    }

    private static List<Shape> shapes() {
        StageCatalog catalog = StageCatalog.defaults();
        double[][] shape = {
            {8, 0.4, 0.001},
            {25, 0.5, 0.002},
            {40, 0.6, 0.003},
            {3, 0.5, 0.001},
            {15, 1.2, 0},
            {5, 0.5, 0.002},
            {120, 0.8, 0.01},
            {10, 0.4, 0.001}
        };
        List<Shape> shapes = new ArrayList<>();
        for (int i = 0; i < catalog.stages().size(); i++) {
            StageDefinition stage = catalog.stages().get(i);
            shapes.add(new Shape(stage.id(), shape[i][0], shape[i][1], shape[i][2], stage.sla()));
        }
        shapes.add(new Shape(StageMeasurement.END_TO_END, 400, 0.5, 0.015, catalog.endToEndSla()));
        return shapes;
    }

    private static void fillUnlessDone(JdbcTemplate jdbc, long perDay, int days, String schema) {
        Long have = jdbc.queryForObject("SELECT count(*) FROM order_measurement", Long.class);
        Long rolled = jdbc.queryForObject(
                "SELECT least((SELECT count(*) FROM stage_rollup_6h), (SELECT count(*) FROM stage_rollup_15m))",
                Long.class);
        if (have != null && have == perDay * days && rolled != null && rolled > 0) {
            System.out.printf("Reusing %,d orders (%d days) of measurements in %s.%n", perDay * days, days, schema);
            return;
        }
        jdbc.execute("TRUNCATE order_measurement, stage_drill_down, stage_rollup_minute, stage_rollup_15m, "
                + "stage_rollup_hour, stage_rollup_6h");
        // generated a row per order and stage, then stored as the writer stores them
        jdbc.execute("DROP TABLE IF EXISTS bench_stage_rows");
        jdbc.execute("CREATE UNLOGGED TABLE bench_stage_rows (order_id varchar(64), stage_id varchar(64), "
                + "first_seen timestamptz, ended_at timestamptz, duration_us bigint, bucket smallint, error boolean, "
                + "sla_ok boolean)");
        partitions(jdbc, days);
        long started = System.nanoTime();
        Instant day = start(LAST_DAY);
        Instant first = start(LAST_DAY.minusDays(days - 1));
        jdbc.execute("SELECT setseed(0.42)");
        for (Shape shape : shapes()) {
            // log-normal by Box-Muller (the lateral refers to o, so it is drawn per order); price calculation gets a 2
            // % tail 25 times slower (a slow price feed)
            String slow = shape.stageId().equals("mes.price") ? " * CASE WHEN random() < 0.02 THEN 25 ELSE 1 END" : "";
            jdbc.update(
                    """
                    INSERT INTO bench_stage_rows (order_id, stage_id, first_seen, ended_at, duration_us, bucket, error, sla_ok)
                    SELECT 'ORD-BENCH-' || o, ?, t0, t0 + make_interval(secs => d / 1e6), d,
                        CASE WHEN d < 1 THEN 0 ELSE floor(ln(d) / ln(1.02))::int + 1 END, random() < ?, d <= ?
                    FROM generate_series(0, ? - 1) AS o,
                        LATERAL (SELECT CAST(? AS timestamptz) + make_interval(secs => o * 86400.0 / ?) AS t0) t,
                        LATERAL (SELECT greatest(1, round(o * 0 + ? * 1000 * exp(? * sqrt(-2 * ln(1 - random()))
                            * cos(2 * pi() * random()))""" + slow + """
                        ))::bigint AS d) dd""",
                    shape.stageId(),
                    shape.errorRate(),
                    shape.sla().toNanos() / 1000,
                    perDay * days,
                    MeasurementWriter.timestamp(first),
                    perDay,
                    shape.medianMillis(),
                    shape.sigma());
        }
        for (int back = 0; back < days; back++) {
            Instant from = start(LAST_DAY.minusDays(back));
            Instant to = from.plus(Duration.ofDays(1));
            jdbc.update(ORDER_ROWS, MeasurementWriter.timestamp(from), MeasurementWriter.timestamp(to));
            jdbc.update(
                    DRILL_DOWN_ROWS,
                    SlowestKept.KEPT,
                    MeasurementWriter.timestamp(from),
                    MeasurementWriter.timestamp(to),
                    SlowestKept.KEPT);
        }
        // the sums the indexer keeps incrementally; ended_at may spill past midnight into the next day's buckets
        for (Rollup rollup : Rollup.values()) {
            jdbc.update(ROLLUP.formatted(
                    rollup.table(),
                    "date_bin(CAST('" + rollup.width().toSeconds()
                            + " seconds' AS interval), ended_at, TIMESTAMPTZ '1970-01-01 00:00:00+00')"));
        }
        Instant next = start(LAST_DAY.plusDays(1));
        String copyDay = "INSERT INTO %1$s (stage_id, bucket_start, counts, orders, errors, sla_ok) "
                + "SELECT stage_id, bucket_start - make_interval(days => ?), counts, orders, errors, sla_ok FROM %1$s "
                + "WHERE bucket_start >= ? AND bucket_start < ?";
        // the generated days' rollups come from their measurements; earlier days are copies of the last one
        for (int back = days; back < 4; back++) {
            for (String table : List.of("stage_rollup_minute", "stage_rollup_15m")) {
                jdbc.update(
                        copyDay.formatted(table),
                        back,
                        MeasurementWriter.timestamp(day),
                        MeasurementWriter.timestamp(next));
            }
        }
        for (int back = days; back < 60; back++) {
            for (String table : List.of("stage_rollup_hour", "stage_rollup_6h")) {
                jdbc.update(
                        copyDay.formatted(table),
                        back,
                        MeasurementWriter.timestamp(day),
                        MeasurementWriter.timestamp(next));
            }
        }
        jdbc.execute("DROP TABLE bench_stage_rows");
        jdbc.execute("VACUUM ANALYZE order_measurement");
        jdbc.execute("VACUUM ANALYZE stage_drill_down");
        jdbc.execute("VACUUM ANALYZE stage_rollup_minute");
        jdbc.execute("VACUUM ANALYZE stage_rollup_15m");
        jdbc.execute("VACUUM ANALYZE stage_rollup_hour");
        jdbc.execute("VACUUM ANALYZE stage_rollup_6h");
        System.out.printf(
                "Generated %,d orders (%d days) x %d stages of measurements and their rollups in %.0f s.%n",
                perDay * days, days, shapes().size(), (System.nanoTime() - started) / 1e9);
    }

    /** Daily partitions as the indexer's partition maintenance creates them. */
    private static void partitions(JdbcTemplate jdbc, int measuredDays) {
        for (String table : List.of(
                "order_measurement",
                "stage_drill_down",
                "stage_rollup_minute",
                "stage_rollup_15m",
                "stage_rollup_hour",
                "stage_rollup_6h")) {
            int days = table.startsWith("stage_rollup_minute") || table.equals("stage_rollup_15m")
                    ? Math.max(5, measuredDays + 1)
                    : table.equals("order_measurement") || table.equals("stage_drill_down") ? measuredDays + 1 : 61;
            for (int back = -1; back < days - 1; back++) {
                LocalDate date = LAST_DAY.minusDays(back);
                String name = table + "_p" + date.toString().replace("-", "");
                jdbc.execute("CREATE TABLE IF NOT EXISTS " + name + " PARTITION OF " + table + " FOR VALUES FROM ('"
                        + start(date) + "') TO ('" + start(date.plusDays(1)) + "')");
            }
        }
    }

    private static Instant start(LocalDate date) {
        return date.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static HikariDataSource dataSource(String schema) {
        Flyway.configure()
                .dataSource(URL, TestDatabase.USER, TestDatabase.PASSWORD)
                .schemas(schema)
                .createSchemas(true)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        HikariDataSource dataSource = TestDatabase.pool(URL + "?currentSchema=" + schema, 1);
        // date_trunc in the rollup sums works in the session's time zone
        dataSource.setConnectionInitSql("SET TIME ZONE 'UTC'; " + TestDatabase.PORTAL_CONNECTION_INIT);
        return dataSource;
    }
}

package com.jewellery.ordertracing.review;

import com.jewellery.ordertracing.OrderTracingPortalApplication;
import com.jewellery.ordertracing.alerts.AlertWording;
import com.jewellery.ordertracing.analytics.LogBuckets;
import com.jewellery.ordertracing.analytics.StageMeasurement;
import com.jewellery.ordertracing.journey.StageCatalog;
import com.jewellery.ordertracing.review.domain.IsoWeek;
import com.jewellery.ordertracing.review.domain.ReviewFigures;
import com.jewellery.ordertracing.review.domain.ReviewPdf;
import com.jewellery.ordertracing.support.PlantedJourneys;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Benchmark (a command, not a test): generating the weekly review of a week of {@code orders} orders, and
 * its PDF. Run with {@code bin/review-benchmark [orders]} (default 7,000,000). Boots the portal (profile
 * {@code it}, indexer off, no web port) on schema {@value #SCHEMA} of the scratch database
 * {@code portal_bench} and plants there, by SQL, once (kept and reused by the next run with the same
 * count):
 * <ul>
 *   <li>the week's {@code order_journey} rows in daily partitions ({@link PlantedJourneys}, as the lost-orders benchmark): 1 % open
 *       (stopped at one of seven stages), a fifth of those failed, with their {@code failure_fingerprint}
 *       rows (a dozen fingerprints);</li>
 *   <li>the hour rollups of every stage for the six weeks of the trend, the week's orders spread evenly
 *       over its hours, log-normal durations per stage.</li>
 * </ul>
 * Stage measurements are not planted: the review reads the rollups only. Then the portal's own generator
 * writes a new version of the week's review 1 + {@value #RUNS} times (the first is the cold one), and the
 * PDF of the result is rendered 1 + {@value #RUNS} times; times and the machine's load are printed.
 */
public final class ReviewBenchmark {

    private static final String SCHEMA = "review_bench";
    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    private static final IsoWeek WEEK = IsoWeek.parse("2026-W45").orElseThrow();
    private static final int RUNS = 5;

    private ReviewBenchmark() {}

    public static void main(String... args) throws Exception {
        long orders = args.length > 0 ? Long.parseLong(args[0]) : 7_000_000;
        String base =
                System.getenv().getOrDefault("PORTAL_BENCH_DB_URL", "jdbc:postgresql://127.0.0.1:15432/portal_bench");
        try (ConfigurableApplicationContext portal = new SpringApplicationBuilder(OrderTracingPortalApplication.class)
                .profiles("it")
                // as arguments: above the it profile's and application.yml's values (default properties are below)
                .run(
                        "--server.port=0",
                        // no page is served: the portal starts without a front-end build of its own
                        "--vaadin.productionMode=true",
                        "--spring.datasource.url=" + base + "?currentSchema=" + SCHEMA,
                        "--spring.flyway.schemas=" + SCHEMA,
                        "--portal.index.enabled=false",
                        "--portal.review.check-interval=24h",
                        "--portal.review.mail-to=",
                        "--portal.alerts.evaluation-interval=24h",
                        "--portal.incidents.matcher-interval=24h")) {
            String url = portal.getEnvironment().getProperty("spring.datasource.url", "");
            if (url.contains("/portal_test")) {
                throw new IllegalStateException("the benchmark never plants rows in the tests' database: " + url);
            }
            JdbcTemplate jdbc = portal.getBean(JdbcTemplate.class);
            plantUnlessDone(jdbc, orders);
            ReviewGenerator generator = portal.getBean(ReviewGenerator.class);
            ReviewProperties properties = portal.getBean(ReviewProperties.class);
            System.out.printf(
                    "%nReview of %s (%,d orders) on %s, %d cores; load average before: %s%n%n",
                    WEEK, orders, SCHEMA, Runtime.getRuntime().availableProcessors(), load());
            double[] generation = new double[RUNS + 1];
            for (int i = 0; i <= RUNS; i++) {
                long start = System.nanoTime();
                generator.regenerate(WEEK, "benchmark");
                generation[i] = (System.nanoTime() - start) / 1e6;
            }
            ReviewFigures figures = portal.getBean(ReviewStore.class)
                    .find(WEEK.toString(), portal.getBean(ReviewStore.class).latestVersion(WEEK))
                    .orElseThrow()
                    .figures();
            ReviewPdf.Texts russian = new AlertWording(Locale.forLanguageTag("ru"))::format;
            double[] pdf = new double[RUNS + 1];
            int bytes = 0;
            for (int i = 0; i <= RUNS; i++) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                long start = System.nanoTime();
                ReviewPdf.write(figures, 1, Map.of(), russian, properties.pdfFont(), out);
                pdf[i] = (System.nanoTime() - start) / 1e6;
                bytes = out.size();
            }
            System.out.println("| what | first (cold) ms | warm p50 ms | warm max ms |");
            System.out.println("|---|---|---|---|");
            row("generation (figures + insert, one version)", generation);
            row(
                    "PDF, " + figures.stages().size() + " stages, "
                            + figures.failures().size() + " failures, " + bytes / 1024 + " KB",
                    pdf);
            System.out.printf(
                    "%nFigures: entered %,d, completed %,d, failed %,d, lost %,d, stuck %,d; load average after: %s%n",
                    figures.orders().entered(),
                    figures.orders().completed(),
                    figures.orders().failed(),
                    figures.orders().lost(),
                    figures.orders().stuck(),
                    load());
        }
    }

    private static void row(String what, double[] millis) {
        double[] warm = Arrays.copyOfRange(millis, 1, millis.length);
        Arrays.sort(warm);
        System.out.printf(
                "| %s | %.0f | %.0f | %.0f |%n", what, millis[0], warm[(warm.length - 1) / 2], warm[warm.length - 1]);
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (java.io.IOException e) {
            return String.format(
                    "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    private static void plantUnlessDone(JdbcTemplate jdbc, long orders) {
        Instant from = WEEK.start(MOSCOW);
        Instant to = WEEK.end(MOSCOW);
        Long existing = jdbc.queryForObject(
                "SELECT count(*) FROM order_journey WHERE first_seen >= ? AND first_seen < ?",
                Long.class,
                Timestamp.from(from),
                Timestamp.from(to));
        if (existing != null && existing == orders) {
            System.out.printf("Reusing the %,d orders of %s in %s%n", orders, WEEK, SCHEMA);
            return;
        }
        System.out.printf("Planting %,d orders of %s in %s ...%n", orders, WEEK, SCHEMA);
        long started = System.nanoTime();
        jdbc.execute("TRUNCATE order_journey, failure_fingerprint, stage_rollup_hour, weekly_review");
        LocalDate first = LocalDate.ofInstant(from, ZoneOffset.UTC);
        for (LocalDate day = first; !day.isAfter(LocalDate.ofInstant(to, ZoneOffset.UTC)); day = day.plusDays(1)) {
            jdbc.execute("CREATE TABLE IF NOT EXISTS order_journey_p"
                    + day.toString().replace("-", "") + " PARTITION OF order_journey FOR VALUES FROM ('" + day
                    + "') TO ('" + day.plusDays(1) + "')");
        }
        PlantedJourneys.insert(jdbc, "ORD-RB-", from, Duration.between(from, to), orders);
        jdbc.update("""
                INSERT INTO failure_fingerprint (order_id, fingerprint, stage, summary, failed_at, seen_at)
                SELECT order_id, 'v1:' || substr(md5((abs(hashtext(order_id)) % 12)::text), 1, 16), error_stage,
                       error_message || ' #' || (abs(hashtext(order_id)) % 12), last_stage_ended_at,
                       last_stage_ended_at
                FROM order_journey WHERE outcome = 'FAILED'""");
        plantRollups(jdbc, orders);
        jdbc.execute("VACUUM ANALYZE order_journey");
        jdbc.execute("VACUUM ANALYZE failure_fingerprint");
        jdbc.execute("VACUUM ANALYZE stage_rollup_hour");
        System.out.printf(
                "Planted in %d s%n",
                Duration.ofNanos(System.nanoTime() - started).toSeconds());
    }

    /** Each stage's hour rollup over the six weeks: the week's orders per hour, log-normal around a median. */
    private static void plantRollups(JdbcTemplate jdbc, long orders) {
        StageCatalog catalog = StageCatalog.defaults();
        Map<String, Duration> stages = new LinkedHashMap<>();
        catalog.stages().forEach(stage -> stages.put(stage.id(), stage.sla()));
        stages.put(StageMeasurement.END_TO_END, catalog.endToEndSla());
        long perHour = Math.max(1, orders / (7 * 24));
        List<Object[]> rows = new ArrayList<>();
        for (Map.Entry<String, Duration> stage : stages.entrySet()) {
            // the median a tenth of the SLA, about 3 % over it
            double medianMicros = stage.getValue().toNanos() / 10_000.0;
            Map<Integer, Long> counts = new java.util.TreeMap<>();
            long slaOk = 0;
            for (int k = 0; k < 1000; k++) {
                double p = (k + 0.5) / 1000;
                long micros = Math.max(1, Math.round(medianMicros * Math.exp(1.2 * Math.log(p / (1 - p)))));
                long share = perHour / 1000 + (k < perHour % 1000 ? 1 : 0);
                counts.merge(LogBuckets.bucketOf(micros), share, Long::sum);
                slaOk += micros <= stage.getValue().toNanos() / 1000 ? share : 0;
            }
            int lo = ((java.util.TreeMap<Integer, Long>) counts).firstKey();
            int hi = ((java.util.TreeMap<Integer, Long>) counts).lastKey();
            StringJoiner array = new StringJoiner(",", "[" + lo + ":" + hi + "]={", "}");
            for (int b = lo; b <= hi; b++) {
                array.add(Long.toString(counts.getOrDefault(b, 0L)));
            }
            for (int back = 5; back >= 0; back--) {
                Instant hour = WEEK.minus(back).start(MOSCOW);
                for (int h = 0; h < 7 * 24; h++, hour = hour.plus(Duration.ofHours(1))) {
                    rows.add(new Object[] {
                        stage.getKey(), Timestamp.from(hour), array.toString(), perHour, perHour / 500, slaOk
                    });
                }
            }
        }
        jdbc.batchUpdate(
                "INSERT INTO stage_rollup_hour (stage_id, bucket_start, counts, orders, errors, sla_ok) "
                        + "VALUES (?, ?, CAST(? AS integer[]), ?, ?, ?)",
                rows);
    }
}

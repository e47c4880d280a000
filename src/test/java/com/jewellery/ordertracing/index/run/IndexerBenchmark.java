package com.jewellery.ordertracing.index.run;

import com.jewellery.orderflow.scenario.GroundTruth;
import com.jewellery.orderflow.scenario.OutcomeMix;
import com.jewellery.orderflow.scenario.SentOrder;
import com.jewellery.ordertracing.analytics.JourneyMeasurements;
import com.jewellery.ordertracing.index.read.IndexStats;
import com.jewellery.ordertracing.index.store.IndexedJourneys;
import com.jewellery.ordertracing.index.store.StoredJourneys;
import com.jewellery.ordertracing.jaeger.JaegerChannel;
import com.jewellery.ordertracing.jaeger.JaegerClient;
import com.jewellery.ordertracing.jaeger.JaegerClientSettings;
import com.jewellery.ordertracing.jaeger.TraceQuery;
import com.jewellery.ordertracing.support.GeneratedOrders;
import com.jewellery.ordertracing.support.TestDatabase;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Loads orders into Jaeger with the flow's scenario generator, indexes them, and compares a lookup by
 * order id through the portal's read service with Jaeger's own search by the {@code order.id} attribute.
 * A command, not a test: {@code bin/index-benchmark [--orders 100000] [--rate 1000] [--lookups 1000]
 * [--jaeger-lookups 100] [--search-depth 2000]}, which runs it against a Jaeger of its own ({@code --otlp-endpoint},
 * {@code --jaeger}). Writes into schema {@value #SCHEMA} of the test database, dropped first.
 */
public final class IndexerBenchmark {

    private static final String SCHEMA = "index_benchmark";
    private static final String MIX = OutcomeMix.GENERATE_DEFAULT.toString();

    private IndexerBenchmark() {}

    public static void main(String... args) throws Exception {
        Map<String, String> options = options(args);
        int orders = Integer.parseInt(options.getOrDefault("orders", "100000"));
        GroundTruth truth = load(
                orders,
                Double.parseDouble(options.getOrDefault("rate", "1000")),
                options.getOrDefault("otlp-endpoint", "https://127.0.0.1:4317"));
        try (HikariDataSource dataSource = dataSource();
                JaegerChannel channel =
                        JaegerChannel.open(options.getOrDefault("jaeger", "127.0.0.1:16685"), true, null)) {
            JaegerClient jaeger =
                    new JaegerClient(channel.channel(), new JaegerClientSettings(Duration.ofSeconds(60), 1000));
            if (options.containsKey("measurements-cost")) {
                MeasurementsCost.compare(
                        truth,
                        dataSource,
                        jaeger,
                        Integer.parseInt(options.getOrDefault("search-depth", "2000")),
                        new CpuByProcess(Long.parseLong(options.getOrDefault("jaeger-pid", "-1"))),
                        Integer.parseInt(options.get("measurements-cost")));
                return;
            }
            index(
                    truth,
                    dataSource,
                    jaeger,
                    Integer.parseInt(options.getOrDefault("search-depth", "2000")),
                    new CpuByProcess(Long.parseLong(options.getOrDefault("jaeger-pid", "-1"))));
            List<String> ids = sampleIds(truth, Integer.parseInt(options.getOrDefault("lookups", "1000")));
            IndexedJourneys journeys = StoredJourneys.indexedJourneys(
                    new JdbcTemplate(dataSource), new NamedParameterJdbcTemplate(dataSource));
            Percentiles ours = time(
                    "index lookup (IndexedJourneys.findByOrderId)",
                    ids,
                    id -> journeys.findByOrderId(id).orElseThrow());
            List<String> fewer = ids.subList(
                    0, Math.min(ids.size(), Integer.parseInt(options.getOrDefault("jaeger-lookups", "100"))));
            Percentiles theirs = time("Jaeger FindTraces by order.id", fewer, id -> jaegerLookup(jaeger, truth, id));
            System.out.printf(
                    "Index lookup is %.0fx faster at p50 and %.0fx at p95.%n",
                    theirs.p50() / ours.p50(), theirs.p95() / ours.p95());
        }
    }

    static GroundTruth load(int orders, double rate, String otlpEndpoint) throws Exception {
        long start = System.nanoTime();
        GroundTruth truth = GeneratedOrders.play(orders, MIX, rate, 20261126, 1000, otlpEndpoint);
        double seconds = (System.nanoTime() - start) / 1e9;
        truth.write(Path.of("target/benchmark-ground-truth.json"));
        System.out.printf(
                "Loaded %d orders (run %s) into Jaeger in %.1f s: %.0f orders/s.%n",
                truth.orders().size(), truth.runId(), seconds, truth.orders().size() / seconds);
        return truth;
    }

    private static void index(
            GroundTruth truth, HikariDataSource dataSource, JaegerClient jaeger, int searchDepth, CpuByProcess cpu) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        Supplier<Indexer> newIndexer = indexers(dataSource, jaeger, searchDepth);
        Indexer indexer = catchUp(newIndexer.get(), truth, jdbc, cpu);
        Map<String, Instant> cursors = indexer.cursors().all();
        rereadOverlap(indexer, "the indexer that stored them", cpu);
        // the same range again: a lock takeover resumes from these cursors with nothing remembered
        cursors.forEach((service, readUntil) -> indexer.cursors().advance(service, readUntil, Instant.now()));
        rereadOverlap(newIndexer.get(), "a new indexer, as after a lock takeover", cpu);
    }

    /** Indexers as the portal makes them (window 5 min, overlap 1 min, no lag), each with a memory of its own. */
    static Supplier<Indexer> indexers(HikariDataSource dataSource, JaegerClient jaeger, int searchDepth) {
        return () -> BenchmarkIndexers.create(dataSource, jaeger, searchDepth, 727999, JourneyMeasurements.NONE);
    }

    /** Indexes the load in one run from a cursor just before it, and prints what it took. */
    static Indexer catchUp(Indexer indexer, GroundTruth truth, JdbcTemplate jdbc, CpuByProcess cpu) {
        BenchmarkIndexers.startAt(indexer, truth.startedAt());
        Map<String, Duration> cpuBefore = cpu.snapshot();
        long start = System.nanoTime();
        indexer.cycle().runOnce();
        Duration wall = Duration.ofNanos(System.nanoTime() - start);
        double seconds = wall.toNanos() / 1e9;
        System.out.printf("CPU while indexing: %s.%n", CpuByProcess.between(cpuBefore, cpu.snapshot(), wall));
        IndexerState.Snapshot state = indexer.state().snapshot();
        if (state.failure() != null) {
            throw new IllegalStateException("indexing failed: " + state.errorMessage());
        }
        // the schema starts empty, so everything in it was indexed by this run (other traffic in the windows too)
        long traces = jdbc.queryForObject(
                "SELECT count(DISTINCT trace_id) FROM order_journey, unnest(trace_ids) AS trace_id", Long.class);
        long journeys = jdbc.queryForObject("SELECT count(*) FROM order_journey", Long.class);
        long ofThisLoad = jdbc.queryForObject(
                "SELECT count(*) FROM order_journey WHERE order_id LIKE ?", Long.class, "ORD-" + truth.runId() + "-%");
        IndexStats stats = state.lastStats();
        long accepted = truth.orders().stream().filter(SentOrder::accepted).count();
        System.out.printf(
                "Indexed %d traces (%d spans, %d journeys, %d of them of the %d orders the shop accepted, "
                        + "%d refused) in %.1f s: %.0f traces/s, %.0f orders/s; %d Jaeger searches, %d traces read.%n",
                traces,
                stats.spansStored(),
                journeys,
                ofThisLoad,
                accepted,
                truth.orders().size() - accepted,
                seconds,
                traces / seconds,
                journeys / seconds,
                stats.searches(),
                stats.tracesRead());
        return indexer;
    }

    /** The next run reads the overlap before its cursor again, as every run in steady state does. */
    private static void rereadOverlap(Indexer indexer, String who, CpuByProcess cpu) {
        Map<String, Duration> cpuBefore = cpu.snapshot();
        long start = System.nanoTime();
        indexer.cycle().runOnce();
        Duration wall = Duration.ofNanos(System.nanoTime() - start);
        indexer.cycle().release();
        IndexStats stats = indexer.state().snapshot().lastStats();
        System.out.printf(
                "Next run, by %s: re-read the overlap in %.1f s; %d traces read, %d checked against the "
                        + "database, %d journeys saved; CPU %s.%n",
                who,
                wall.toNanos() / 1e9,
                stats.tracesRead(),
                stats.tracesIndexed(),
                stats.journeysSaved(),
                CpuByProcess.between(cpuBefore, cpu.snapshot(), wall));
    }

    private static Object jaegerLookup(JaegerClient jaeger, GroundTruth truth, String orderId) {
        List<?> found = jaeger.findTraces(TraceQuery.between(
                        truth.startedAt().minusSeconds(60), truth.finishedAt().plusSeconds(60))
                .withService("shop")
                .withAttribute("order.id", orderId)
                .withSearchDepth(20));
        if (found.isEmpty()) {
            throw new IllegalStateException("Jaeger did not find " + orderId);
        }
        return found;
    }

    static Percentiles time(String what, List<String> ids, Consumer<String> lookup) {
        ids.subList(0, Math.min(20, ids.size())).forEach(lookup);
        double[] millis = new double[ids.size()];
        for (int i = 0; i < ids.size(); i++) {
            long start = System.nanoTime();
            lookup.accept(ids.get(i));
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        Percentiles percentiles = new Percentiles(at(millis, 0.50), at(millis, 0.95), at(millis, 0.99));
        System.out.printf(
                "%s, %d ids: p50 %.2f ms, p95 %.2f ms, p99 %.2f ms.%n",
                what, ids.size(), percentiles.p50(), percentiles.p95(), percentiles.p99());
        return percentiles;
    }

    private static double at(double[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)];
    }

    static List<String> sampleIds(GroundTruth truth, int count) {
        List<String> ids = new ArrayList<>(truth.orders().stream()
                .filter(SentOrder::accepted)
                .map(sent -> sent.order().orderId())
                .toList());
        Collections.shuffle(ids, new Random(7));
        return ids.subList(0, Math.min(count, ids.size()));
    }

    private static HikariDataSource dataSource() {
        return dataSource(TestDatabase.URL, SCHEMA);
    }

    /** A pool on {@code schema} of the database at {@code url}, the schema emptied and migrated first. */
    static HikariDataSource dataSource(String url, String schema) {
        Flyway flyway = Flyway.configure()
                .dataSource(url, TestDatabase.USER, TestDatabase.PASSWORD)
                .schemas(schema)
                .createSchemas(true)
                .cleanDisabled(false)
                .locations("classpath:db/migration")
                .load();
        flyway.clean();
        flyway.migrate();
        return TestDatabase.pool(url + "?currentSchema=" + schema, 4);
    }

    static Map<String, String> options(String... args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        return options;
    }

    record Percentiles(double p50, double p95, double p99) {}
}

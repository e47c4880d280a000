package com.jewellery.ordertracing.incidents;

import com.jewellery.ordertracing.analytics.JourneyMeasurements;
import com.jewellery.ordertracing.incidents.api.LinkVia;
import com.jewellery.ordertracing.index.store.JourneyRefresher;
import com.jewellery.ordertracing.journey.JourneyAssembler;
import com.jewellery.ordertracing.journey.OrderFlowSpans;
import com.jewellery.ordertracing.journey.SpanRecord;
import com.jewellery.ordertracing.journey.StageCatalog;
import com.jewellery.ordertracing.support.TestDatabase;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The incidents benchmark of issue 10, a command, not a test: {@code bin/incidents-benchmark}. In schema
 * {@value #SCHEMA} of the scratch database {@code portal_bench} (refilled every run) it plants
 * {@code --journeys} orders (1 % failed) with SQL generate_series, {@code --incidents} incidents and
 * {@code --links} links (one incident holds {@code --big} of them), then times with the portal's own SQL
 * ({@link IncidentLinks}):
 *
 * <ul>
 *   <li>the incident page's orders: first page of 50 with current outcomes, the count, the counts by outcome;
 *   <li>search by order id: the incidents an order is in, with their order counts (the list's rows);
 *   <li>auto-matching's cost to the indexer: the indexer's write path ({@link JourneyRefresher}) on fresh
 *       orders, alternately without incidents ({@link JourneyMeasurements#NONE}) and with them (the linked
 *       outcomes in the indexer's transaction, and the matcher's statements running beside it every
 *       {@code --matcher-ms}, by default the portal's 15 s; its first run starts with the indexing).
 * </ul>
 */
final class IncidentsBenchmark {

    private static final String SCHEMA = "incidents_bench";
    private static final String URL = TestDatabase.URL.replace("/portal_test", "/portal_bench");

    private IncidentsBenchmark() {}

    public static void main(String[] args) throws Exception {
        Map<String, Integer> options = options(args);
        System.out.printf(
                "Machine: %d cores, load average %s%n", Runtime.getRuntime().availableProcessors(), load());
        try (HikariDataSource dataSource = dataSource()) {
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            IncidentLinks links = new IncidentLinks(new NamedParameterJdbcTemplate(jdbc));
            long big = fill(jdbc, options);
            incidentPage(jdbc, links, big, options.get("runs"));
            searchByOrderId(jdbc, links, options.get("runs"));
            indexerCost(
                    dataSource,
                    jdbc,
                    links,
                    options.get("index-orders"),
                    options.get("rounds"),
                    Duration.ofMillis(options.get("matcher-ms")));
        }
        System.out.printf("Load average at the end: %s%n", load());
    }

    // --- the data

    private static long fill(JdbcTemplate jdbc, Map<String, Integer> options) {
        int journeys = options.get("journeys");
        int incidents = options.get("incidents");
        int links = options.get("links");
        int bigSize = options.get("big");
        long start = System.nanoTime();
        // ~0.6 s apart: a million orders over a week; every 100th failed at pricing, every 100th + 1 on its way
        jdbc.update("""
                INSERT INTO order_journey (order_id, first_seen, last_seen, last_stage, last_stage_ended_at,
                    current_status, outcome, has_error, error_stage, error_message, trace_ids, journey, indexed_at)
                SELECT 'ORD-B' || lpad(n::text, 7, '0'), t, t + interval '2 min',
                       CASE WHEN n % 100 = 0 THEN 'mes.price' WHEN n % 100 = 1 THEN 'crm.process' ELSE 'mes.approve' END,
                       t + interval '2 min',
                       CASE WHEN n % 100 = 0 THEN 'RECEIVED_IN_MES' WHEN n % 100 = 1 THEN 'IN_CRM'
                            ELSE 'MANUFACTURING_APPROVED' END,
                       CASE WHEN n % 100 = 0 THEN 'FAILED' WHEN n % 100 = 1 THEN 'IN_PROGRESS' ELSE 'COMPLETED' END,
                       n % 100 = 0, CASE WHEN n % 100 = 0 THEN 'mes.price' END,
                       CASE WHEN n % 100 = 0 THEN 'no price quote for metal PLATINUM_950' END,
                       ARRAY[md5(n::text)], '{"stages":[]}'::jsonb, now()
                FROM generate_series(1, ?) AS n, LATERAL (SELECT now() - n * interval '600 ms' AS t) AS at""", journeys);
        jdbc.update("""
                INSERT INTO incident (title, severity, status, created_at, created_by, updated_at, updated_by)
                SELECT 'Benchmark incident ' || i, (ARRAY['LOW','MEDIUM','HIGH','CRITICAL'])[1 + i % 4],
                       (ARRAY['TRIAGE','INVESTIGATING','MITIGATED','RESOLVED'])[1 + i % 4],
                       now() - i * interval '1 hour', 'bench', now() - i * interval '1 hour', 'bench'
                FROM generate_series(1, ?) AS i""", incidents);
        long bigId = jdbc.queryForObject("SELECT min(id) FROM incident", Long.class);
        // the big incident: every 50th order (half of its orders failed, the rest completed or on their way)
        jdbc.update("""
                INSERT INTO incident_order (incident_id, order_id, attached_at, attached_by, via, announced)
                SELECT ?, 'ORD-B' || lpad((k * 50)::text, 7, '0'), now() - k * interval '1 s', 'rule', 'RULE', TRUE
                FROM generate_series(1, ?) AS k""", bigId, bigSize);
        int perOther = (links - bigSize) / Math.max(1, incidents - 1);
        jdbc.update("""
                INSERT INTO incident_order (incident_id, order_id, attached_at, attached_by, via, announced)
                SELECT i.id, 'ORD-B' || lpad((1 + (k * 7919 + i.id * 104729) % ?)::text, 7, '0'),
                       now() - k * interval '1 s', 'support', 'MANUAL', TRUE
                FROM incident i, generate_series(1, ?) AS k WHERE i.id <> ?
                ON CONFLICT DO NOTHING""", journeys, perOther, bigId);
        // as V17 fills the column for links made before it
        jdbc.update(
                "UPDATE incident_order io SET outcome = j.outcome FROM order_journey j WHERE j.order_id = io.order_id");
        jdbc.execute("VACUUM ANALYZE order_journey");
        jdbc.execute("VACUUM ANALYZE incident_order");
        jdbc.execute("VACUUM ANALYZE incident");
        System.out.printf(
                "Planted %,d journeys, %,d incidents, %,d links (INC-%d holds %,d) in %.0f s.%n",
                jdbc.queryForObject("SELECT count(*) FROM order_journey", Long.class),
                jdbc.queryForObject("SELECT count(*) FROM incident", Long.class),
                jdbc.queryForObject("SELECT count(*) FROM incident_order", Long.class),
                bigId,
                jdbc.queryForObject("SELECT count(*) FROM incident_order WHERE incident_id = ?", Long.class, bigId),
                (System.nanoTime() - start) / 1e9);
        return bigId;
    }

    // --- reads

    /** What the incident page reads for its orders: the grid's first page, the grid's size, the counts. */
    private static void incidentPage(JdbcTemplate jdbc, IncidentLinks links, long big, int runs) {
        List<Long> others = jdbc.queryForList("SELECT id FROM incident WHERE id <> ? ORDER BY id", Long.class, big);
        Random random = new Random(10);
        for (int i = 0; i < 5; i++) {
            page(links, big);
            page(links, others.get(random.nextInt(others.size())));
        }
        List<Double> bigTimes = new ArrayList<>();
        List<Double> otherTimes = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            bigTimes.add(millis(() -> page(links, big)));
            long other = others.get(random.nextInt(others.size()));
            otherTimes.add(millis(() -> page(links, other)));
        }
        report("incident page, 20,000-order incident (page of 50 + count + counts by outcome)", bigTimes);
        report("incident page, ~400-order incident", otherTimes);
        List<Double> counts = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            counts.add(millis(() -> links.outcomeCounts(big)));
        }
        report("  of which counts by outcome (20,000 orders, incident_order.outcome)", counts);
        List<Double> before = new ArrayList<>();
        for (int i = 0; i < Math.min(runs, 20); i++) {
            before.add(millis(() -> jdbc.queryForList("""
                    SELECT j.outcome, count(*) FROM incident_order io
                    LEFT JOIN LATERAL (SELECT outcome FROM order_journey oj WHERE oj.order_id = io.order_id
                                       ORDER BY first_seen LIMIT 1) j ON TRUE
                    WHERE io.incident_id = ? GROUP BY j.outcome""", big)));
        }
        report("  for comparison, the counts joined to the journeys (before V17)", before);
    }

    private static Object page(IncidentLinks links, long incidentId) {
        links.orders(incidentId, 0, 50);
        links.countOrders(incidentId);
        return links.outcomeCounts(incidentId);
    }

    /** "Which incidents is ORD-… in?": the incidents of the order, their rows and order counts. */
    private static void searchByOrderId(JdbcTemplate jdbc, IncidentLinks links, int runs) {
        List<String> linked = jdbc.queryForList(
                "SELECT order_id FROM incident_order TABLESAMPLE SYSTEM (5) LIMIT ?", String.class, runs);
        NamedParameterJdbcTemplate named = new NamedParameterJdbcTemplate(jdbc);
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            String orderId = linked.get(i % linked.size());
            times.add(millis(() -> {
                List<Long> ids = links.incidentsOfOrder(orderId);
                if (!ids.isEmpty()) {
                    named.queryForList("SELECT * FROM incident WHERE id IN (:ids)", Map.of("ids", ids));
                }
                return links.countOrders(ids);
            }));
        }
        report("search by order id (incidents of the order + their order counts)", times);
    }

    // --- the indexer with and without incidents

    private static void indexerCost(
            HikariDataSource dataSource,
            JdbcTemplate jdbc,
            IncidentLinks links,
            int orders,
            int rounds,
            Duration matcherInterval)
            throws InterruptedException {
        TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        JourneyAssembler assembler = new JourneyAssembler(StageCatalog.defaults());
        Clock clock = Clock.systemUTC();
        long target = jdbc.queryForObject("SELECT min(id) FROM incident WHERE status = 'TRIAGE'", Long.class);
        // the incident owns the pricing failure, so the matcher has failures to attach
        jdbc.update("""
                INSERT INTO incident_fingerprint (incident_id, fingerprint, stage, summary, added_at, added_by)
                VALUES (?, 'v1:bench', 'mes.price', 'no price quote', now(), 'bench') ON CONFLICT DO NOTHING""", target);
        List<Double> shares = new ArrayList<>();
        List<Double> matcherShares = new ArrayList<>();
        Map<String, List<Double>> perSecond =
                new HashMap<>(Map.of("without", new ArrayList<>(), "with", new ArrayList<>()));
        for (int round = 0; round < rounds; round++) {
            // ABBA: drift on the shared machine falls on both sides alike
            for (String label : round % 2 == 0 ? List.of("without", "with") : List.of("with", "without")) {
                boolean with = label.equals("with");
                String prefix = "ORD-X" + round + (with ? "W" : "N") + "-";
                List<List<SpanRecord>> pieces = pieces(prefix, orders);
                // a tenth of the orders is in an incident before the indexer sees them (attached by hand)
                List<String> linked = new ArrayList<>();
                pieces.forEach(piece -> piece.stream()
                        .map(span -> span.orderId().orElseThrow())
                        .distinct()
                        .filter(id -> Math.floorMod(id.hashCode(), 10) == 0)
                        .forEach(linked::add));
                links.attach(target, linked, clock.instant(), "bench", LinkVia.MANUAL, true);
                // the time spent in the incidents' part, measured inside the run: robust where the machine's load
                // makes two runs' throughput differ by more than the cost looked for
                java.util.concurrent.atomic.AtomicLong inOutcomes = new java.util.concurrent.atomic.AtomicLong();
                java.util.concurrent.atomic.AtomicLong inMatcher = new java.util.concurrent.atomic.AtomicLong();
                LinkedOutcomes outcomes = new LinkedOutcomes(links);
                JourneyMeasurements timed = journeys -> {
                    long begin = System.nanoTime();
                    outcomes.saved(journeys);
                    inOutcomes.addAndGet(System.nanoTime() - begin);
                };
                JourneyRefresher refresher =
                        JourneyRefresher.of(jdbc, assembler, with ? timed : JourneyMeasurements.NONE, clock);
                AtomicBoolean indexing = new AtomicBoolean(true);
                AtomicInteger matcherRuns = new AtomicInteger();
                Thread matcher = new Thread(() -> {
                    while (with && indexing.get()) {
                        long begin = System.nanoTime();
                        matcherStatements(jdbc, links, clock.instant());
                        inMatcher.addAndGet(System.nanoTime() - begin);
                        matcherRuns.incrementAndGet();
                        sleep(matcherInterval);
                    }
                });
                matcher.start();
                long start = System.nanoTime();
                for (List<SpanRecord> piece : pieces) {
                    transactions.executeWithoutResult(status -> refresher.refresh(piece));
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                indexing.set(false);
                matcher.join();
                perSecond.get(label).add(orders / seconds);
                if (with) {
                    shares.add(inOutcomes.get() / 1e9 / seconds);
                    matcherShares.add(inMatcher.get() / 1e9 / seconds);
                }
                long current = with
                        ? jdbc.queryForObject(
                                "SELECT count(*) FROM incident_order io JOIN order_journey j USING (order_id)"
                                        + " WHERE io.order_id LIKE ? AND io.outcome = j.outcome",
                                Long.class,
                                prefix + "%")
                        : 0;
                System.out.printf(
                        "round %d %-7s incidents: %,d orders in %.1f s = %,.0f orders/s%s%n",
                        round + 1,
                        label,
                        orders,
                        seconds,
                        orders / seconds,
                        with
                                ? String.format(
                                                " (%,d linked by hand first; %,d links of these orders hold the current"
                                                        + " outcome, the matcher's included; matcher ran %d times)",
                                                linked.size(), current, matcherRuns.get())
                                        + String.format(
                                                "; %.0f ms in the linked outcomes, %.0f ms in the matcher",
                                                inOutcomes.get() / 1e6, inMatcher.get() / 1e6)
                                : "");
            }
        }
        double without = median(perSecond.get("without"));
        double with = median(perSecond.get("with"));
        System.out.printf(
                "Indexer write path, median of %d rounds (matcher every %d ms): %,.0f orders/s without incidents,"
                        + " %,.0f with: %.1f %% of without (cost %.1f %%).%n",
                rounds, matcherInterval.toMillis(), without, with, with / without * 100, (1 - with / without) * 100);
        System.out.printf(
                "Inside the runs with incidents (median): the linked outcomes took %.2f %% of the indexing time (in its"
                        + " transaction); the matcher's statements ran for %.2f %% of it, on a connection of their own.%n",
                median(shares) * 100, median(matcherShares) * 100);
    }

    /** What one matcher run does to the database, minus reading journeys for fingerprints. */
    private static void matcherStatements(JdbcTemplate jdbc, IncidentLinks links, Instant now) {
        Instant from = now.minus(Duration.ofMinutes(2));
        List<String> failed = jdbc.queryForList(
                """
                SELECT order_id FROM order_journey WHERE outcome = 'FAILED'
                AND COALESCE(last_stage_ended_at, first_seen) BETWEEN ? AND ?
                ORDER BY COALESCE(last_stage_ended_at, first_seen), order_id LIMIT 500""",
                String.class,
                IncidentLinks.timestamp(from.minus(Duration.ofMinutes(30))),
                IncidentLinks.timestamp(now));
        java.util.Set<String> known = links.knownFailures(failed);
        List<IncidentLinks.Failure> fresh = links.recordFailures(
                failed.stream()
                        .filter(id -> !known.contains(id))
                        .map(id -> new IncidentLinks.Failure(id, "v1:bench", "mes.price", "no price quote", now))
                        .toList(),
                now);
        links.owners(List.of("v1:bench"))
                .getOrDefault("v1:bench", List.of())
                .forEach(incident -> links.attach(
                        incident,
                        fresh.stream().map(IncidentLinks.Failure::orderId).toList(),
                        now,
                        IncidentMatcher.ACTOR,
                        LinkVia.RULE,
                        false));
        links.refreshOutcomesSince(from);
    }

    /** Fresh orders' spans in indexer pieces of 500 orders; every 100th order fails at pricing. */
    private static List<List<SpanRecord>> pieces(String prefix, int orders) {
        Instant start = Instant.now().minus(Duration.ofMinutes(20));
        List<List<SpanRecord>> pieces = new ArrayList<>();
        List<SpanRecord> piece = new ArrayList<>();
        for (int n = 1; n <= orders; n++) {
            OrderFlowSpans order = OrderFlowSpans.order(prefix + n, start.plusMillis(n * 10L));
            piece.addAll((n % 100 == 0 ? order.pricingFails() : order).spans());
            if (n % 500 == 0 || n == orders) {
                pieces.add(piece);
                piece = new ArrayList<>();
            }
        }
        return pieces;
    }

    // --- plumbing

    private static HikariDataSource dataSource() {
        HikariDataSource admin = plain(URL);
        new JdbcTemplate(admin).execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        admin.close();
        Flyway.configure()
                .dataSource(URL, TestDatabase.USER, TestDatabase.PASSWORD)
                .schemas(SCHEMA)
                .createSchemas(true)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        HikariDataSource dataSource = plain(URL + "?currentSchema=" + SCHEMA);
        dataSource.setMaximumPoolSize(3);
        return dataSource;
    }

    private static HikariDataSource plain(String url) {
        return TestDatabase.pool(url, 1);
    }

    private static Map<String, Integer> options(String[] args) {
        Map<String, Integer> options = new HashMap<>(Map.of(
                "journeys", 1_000_000,
                "incidents", 200,
                "links", 100_000,
                "big", 20_000,
                "runs", 200,
                "index-orders", 5_000,
                "rounds", 4,
                // the portal's portal.incidents.matcher-interval; less makes the matcher's share larger
                "matcher-ms", 15_000));
        for (int i = 0; i + 1 < args.length; i += 2) {
            String name = args[i].replaceFirst("^--", "");
            if (!options.containsKey(name)) {
                throw new IllegalArgumentException("unknown option " + args[i] + "; known: " + options.keySet());
            }
            options.put(name, Integer.parseInt(args[i + 1]));
        }
        return options;
    }

    private static double millis(Supplier<?> work) {
        long start = System.nanoTime();
        work.get();
        return (System.nanoTime() - start) / 1e6;
    }

    private static void report(String what, List<Double> times) {
        List<Double> sorted = times.stream().sorted().toList();
        System.out.printf(
                "%-80s n=%d p50 %.1f ms, p95 %.1f ms, max %.1f ms%n",
                what,
                sorted.size(),
                sorted.get(sorted.size() / 2),
                sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1),
                sorted.getLast());
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

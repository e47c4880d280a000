package com.jewellery.ordertracing.index.run;

import com.jewellery.orderflow.scenario.GroundTruth;
import com.jewellery.ordertracing.index.store.IndexedJourneys;
import com.jewellery.ordertracing.index.store.StoredJourneys;
import com.jewellery.ordertracing.jaeger.JaegerChannel;
import com.jewellery.ordertracing.jaeger.JaegerClient;
import com.jewellery.ordertracing.jaeger.JaegerClientSettings;
import com.jewellery.ordertracing.jaeger.Trace;
import com.jewellery.ordertracing.jaeger.TraceQuery;
import com.jewellery.ordertracing.journey.JourneyAssembler;
import com.jewellery.ordertracing.journey.OrderJourney;
import com.jewellery.ordertracing.journey.SpanRecord;
import com.jewellery.ordertracing.journey.SpanRecords;
import com.jewellery.ordertracing.journey.StageCatalog;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The whole answer to "where is order X?", the portal's way against Jaeger's, for the same orders: the portal
 * reads one indexed journey row; Jaeger, to give the same answer, needs a {@code FindTraces} by {@code order.id}
 * for each service (the order's later traces are new traces in other services) and a {@code GetTrace} for every
 * trace found, as its UI does, before the spans can be assembled into stages. Jaeger's side is timed twice, on
 * its Badger storage (indexed, persistent) and on its memory store (scans every trace), both holding the same
 * spans: the script starts a Badger Jaeger that also forwards everything to a memory Jaeger. A command, not a
 * test: {@code bin/lookup-benchmark [--orders 100000] [--rate 1000] [--lookups 1000] [--jaeger-lookups 100]}.
 * Indexes into schema {@value #SCHEMA} of the scratch database {@code portal_bench}, emptied first.
 */
public final class LookupBenchmark {

    private static final String SCHEMA = "lookup_bench";
    private static final String BENCH_DB = "jdbc:postgresql://127.0.0.1:15432/portal_bench";
    private static final List<String> SERVICES = List.of("shop", "crm", "mes");
    /** A support person asks about an order of the last days; the range the searches cover. */
    private static final Duration SEARCH_MARGIN = Duration.ofHours(1);

    private LookupBenchmark() {}

    public static void main(String... args) throws Exception {
        Map<String, String> options = IndexerBenchmark.options(args);
        int orders = Integer.parseInt(options.getOrDefault("orders", "100000"));
        GroundTruth truth = IndexerBenchmark.load(
                orders,
                Double.parseDouble(options.getOrDefault("rate", "1000")),
                options.getOrDefault("otlp-endpoint", "https://127.0.0.1:34317"));
        Map<String, Long> pids = new LinkedHashMap<>();
        pids.put("Jaeger Badger", Long.parseLong(options.getOrDefault("badger-pid", "-1")));
        pids.put("Jaeger memory", Long.parseLong(options.getOrDefault("memory-pid", "-1")));
        CpuByProcess cpu = new CpuByProcess(pids);
        try (HikariDataSource dataSource = IndexerBenchmark.dataSource(BENCH_DB, SCHEMA);
                JaegerChannel badgerChannel =
                        JaegerChannel.open(options.getOrDefault("badger", "127.0.0.1:36685"), true, null);
                JaegerChannel memoryChannel =
                        JaegerChannel.open(options.getOrDefault("memory", "127.0.0.1:37685"), true, null)) {
            JaegerClientSettings settings = new JaegerClientSettings(Duration.ofSeconds(120), 1000);
            JaegerClient badger = new JaegerClient(badgerChannel.channel(), settings);
            JaegerClient memory = new JaegerClient(memoryChannel.channel(), settings);
            // the forwarding exporter batches: give the memory Jaeger a moment to hold the last spans too
            Thread.sleep(5_000);
            long start = System.nanoTime();
            IndexerBenchmark.catchUp(
                    IndexerBenchmark.indexers(dataSource, badger, 2000).get(),
                    truth,
                    new JdbcTemplate(dataSource),
                    cpu);
            System.out.printf("Indexing from the Badger Jaeger took %.1f s.%n", (System.nanoTime() - start) / 1e9);
            IndexedJourneys journeys = StoredJourneys.indexedJourneys(
                    new JdbcTemplate(dataSource), new NamedParameterJdbcTemplate(dataSource));
            // an order whose spans the exporter dropped under load is not in either Jaeger: say so, time the others
            List<String> sampled =
                    IndexerBenchmark.sampleIds(truth, Integer.parseInt(options.getOrDefault("lookups", "1000")));
            List<String> ids = sampled.stream()
                    .filter(id -> journeys.findByOrderId(id).isPresent())
                    .toList();
            System.out.printf("%d of %d sampled orders are in the index.%n", ids.size(), sampled.size());
            IndexerBenchmark.Percentiles ours = IndexerBenchmark.time(
                    "portal: the journey from the index (IndexedJourneys.findByOrderId)",
                    ids,
                    id -> journeys.findByOrderId(id).orElseThrow());
            List<String> fewer = ids.subList(
                    0, Math.min(ids.size(), Integer.parseInt(options.getOrDefault("jaeger-lookups", "100"))));
            JourneyAssembler assembler = new JourneyAssembler(StageCatalog.defaults());
            Map<String, IndexerBenchmark.Percentiles> theirs = new LinkedHashMap<>();
            for (Map.Entry<String, JaegerClient> jaeger : Map.of("Badger", badger, "memory", memory).entrySet().stream()
                    .sorted(Map.Entry.comparingByKey())
                    .toList()) {
                WholeAnswer answer = new WholeAnswer(jaeger.getValue(), assembler, truth, journeys);
                Map<String, Duration> before = cpu.snapshot();
                long began = System.nanoTime();
                theirs.put(
                        jaeger.getKey(),
                        IndexerBenchmark.time(
                                "Jaeger " + jaeger.getKey() + ": FindTraces by order.id per service + GetTrace each",
                                fewer,
                                answer::lookUp));
                System.out.printf(
                        "  %s: %.1f searches and %.1f traces per order; %d of %d answers differ from the index "
                                + "(trace ids); CPU %s.%n",
                        jaeger.getKey(),
                        answer.searches.get() / (double) answer.lookups.get(),
                        answer.traces.get() / (double) answer.lookups.get(),
                        answer.differing(),
                        answer.lookups.get(),
                        CpuByProcess.between(before, cpu.snapshot(), Duration.ofNanos(System.nanoTime() - began)));
            }
            System.out.printf("%nOrders %d; lookups: portal %d, Jaeger %d each.%n", orders, ids.size(), fewer.size());
            System.out.println("| answer | p50 ms | p95 ms | p99 ms | portal faster at p50 / p95 |");
            System.out.println("|---|---|---|---|---|");
            System.out.printf(
                    "| portal, journey from the index | %.2f | %.2f | %.2f | — |%n",
                    ours.p50(), ours.p95(), ours.p99());
            theirs.forEach((storage, p) -> System.out.printf(
                    "| Jaeger %s, FindTraces × %d services + GetTrace × traces | %.2f | %.2f | %.2f | %.1f× / %.1f× |%n",
                    storage, SERVICES.size(), p.p50(), p.p95(), p.p99(), p.p50() / ours.p50(), p.p95() / ours.p95()));
        }
    }

    /** Jaeger's way to the journey of one order, counting what it took and whether it matches the index. */
    private static final class WholeAnswer {

        private final JaegerClient jaeger;
        private final JourneyAssembler assembler;
        private final Instant from;
        private final Instant to;
        private final IndexedJourneys index;
        private final AtomicInteger lookups = new AtomicInteger();
        private final AtomicInteger searches = new AtomicInteger();
        private final AtomicInteger traces = new AtomicInteger();
        private final Map<String, Set<String>> answers = new LinkedHashMap<>();

        WholeAnswer(JaegerClient jaeger, JourneyAssembler assembler, GroundTruth truth, IndexedJourneys index) {
            this.jaeger = jaeger;
            this.assembler = assembler;
            this.from = truth.startedAt().minus(SEARCH_MARGIN);
            this.to = truth.finishedAt().plus(SEARCH_MARGIN);
            this.index = index;
        }

        OrderJourney lookUp(String orderId) {
            Set<String> traceIds = new LinkedHashSet<>();
            for (String service : SERVICES) {
                searches.incrementAndGet();
                jaeger.findTraces(TraceQuery.between(from, to)
                                .withService(service)
                                .withAttribute("order.id", orderId)
                                .withSearchDepth(20))
                        .forEach(trace -> traceIds.add(trace.traceId()));
            }
            List<SpanRecord> spans = new ArrayList<>();
            for (String traceId : traceIds) {
                jaeger.trace(traceId)
                        .map(Trace::resourceSpans)
                        .map(SpanRecords::fromOtlp)
                        .ifPresent(spans::addAll);
            }
            lookups.incrementAndGet();
            traces.addAndGet(traceIds.size());
            OrderJourney journey = assembler
                    .assemble(orderId, spans)
                    .orElseThrow(() -> new IllegalStateException("Jaeger gave no journey for " + orderId));
            answers.put(orderId, Set.copyOf(journey.traceIds()));
            return journey;
        }

        /** Compared after the timing, so the index read does not count against Jaeger. */
        int differing() {
            return (int) answers.entrySet().stream()
                    .filter(answer -> !answer.getValue()
                            .equals(Set.copyOf(index.findByOrderId(answer.getKey())
                                    .orElseThrow()
                                    .traceIds())))
                    .count();
        }
    }
}

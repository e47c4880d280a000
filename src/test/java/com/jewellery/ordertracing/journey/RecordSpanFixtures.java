package com.jewellery.ordertracing.journey;

import com.jewellery.orderflow.scenario.GroundTruth;
import com.jewellery.orderflow.scenario.PlannedOrder;
import com.jewellery.orderflow.scenario.SentOrder;
import com.jewellery.ordertracing.jaeger.JaegerChannel;
import com.jewellery.ordertracing.jaeger.JaegerClient;
import com.jewellery.ordertracing.jaeger.JaegerClientSettings;
import com.jewellery.ordertracing.jaeger.TimeRange;
import com.jewellery.ordertracing.jaeger.TraceQuery;
import com.jewellery.ordertracing.support.GeneratedOrders;
import com.jewellery.ordertracing.support.StackJaeger;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Re-records the span fixtures of {@code RecordedJourneysTest}: plays every outcome in both consumer styles
 * through the real flow, reads each order's traces back from the stack's Jaeger and writes them with
 * {@link RecordedSpans}. Needs {@code bin/stack start}; run from the project root:
 * <pre>
 * ./mvnw -B -q -DskipFrontend test-compile dependency:build-classpath -Dmdep.outputFile=target/test.classpath \
 *     -Dmdep.includeScope=test &amp;&amp; java -cp target/test-classes:target/classes:$(cat target/test.classpath) \
 *     com.jewellery.ordertracing.journey.RecordSpanFixtures
 * </pre>
 */
public final class RecordSpanFixtures {

    private static final List<String> SERVICES = List.of("shop", "crm", "mes");
    private static final double ORDERS_PER_SECOND = 20;
    /** Spans arrive in Jaeger in batches; an order's set is complete once two reads this far apart agree. */
    private static final Duration SETTLE = Duration.ofSeconds(2);

    private static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(60);

    private RecordSpanFixtures() {}

    public static void main(String[] args) throws Exception {
        GroundTruth truth = GeneratedOrders.playEveryOutcome(ORDERS_PER_SECOND);
        TimeRange window = new TimeRange(
                truth.startedAt().minusSeconds(5), truth.finishedAt().plusSeconds(60));
        Files.createDirectories(RecordedSpans.SOURCE_DIRECTORY);
        try (JaegerChannel channel = StackJaeger.BADGER.open()) {
            JaegerClient jaeger = new JaegerClient(channel.channel(), JaegerClientSettings.DEFAULTS);
            for (SentOrder sent : truth.orders()) {
                PlannedOrder order = sent.order();
                List<SpanRecord> spans = settled(jaeger, order.orderId(), window);
                RecordedSpans.write(
                        RecordedSpans.SOURCE_DIRECTORY.resolve(
                                RecordedSpans.fileName(order.outcome(), order.consumerStyle())),
                        spans);
                System.out.printf(
                        "%s %s %s: %d spans%n", order.orderId(), order.outcome(), order.consumerStyle(), spans.size());
            }
        }
    }

    private static List<SpanRecord> settled(JaegerClient jaeger, String orderId, TimeRange window)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(SETTLE_TIMEOUT);
        List<SpanRecord> previous = List.of();
        while (Instant.now().isBefore(deadline)) {
            List<SpanRecord> current = spansOf(jaeger, orderId, window);
            if (!current.isEmpty() && current.size() == previous.size()) {
                return current;
            }
            previous = current;
            Thread.sleep(SETTLE.toMillis());
        }
        throw new IllegalStateException(
                "the spans of " + orderId + " did not settle in Jaeger within " + SETTLE_TIMEOUT);
    }

    /**
     * Every span of every trace holding a span of the order, from each service's point of view, so a
     * link-style order brings both its CRM and its MES trace. The attribute filter keeps other runs'
     * traces (a benchmark may be filling the same Jaeger) out of the search depth.
     */
    private static List<SpanRecord> spansOf(JaegerClient jaeger, String orderId, TimeRange window) {
        Map<SpanRef, SpanRecord> distinct = new LinkedHashMap<>();
        for (String service : SERVICES) {
            TraceQuery query = TraceQuery.between(window.from(), window.to())
                    .withService(service)
                    .withAttribute(SpanRecord.ORDER_ID, orderId);
            jaeger.findTraces(query)
                    .forEach(trace -> SpanRecords.fromOtlp(trace.resourceSpans())
                            .forEach(span -> distinct.putIfAbsent(span.ref(), span)));
        }
        return List.copyOf(distinct.values());
    }
}

package com.jewellery.orderflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jewellery.orderflow.instrumentation.ConsumerStyle;
import com.jewellery.orderflow.instrumentation.OrderStatus;
import com.jewellery.orderflow.instrumentation.Outcome;
import com.jewellery.orderflow.instrumentation.RabbitTopology;
import com.jewellery.orderflow.instrumentation.SamplingMode;
import com.jewellery.orderflow.instrumentation.TelemetrySettings;
import com.jewellery.orderflow.scenario.FlowSettings;
import com.jewellery.orderflow.scenario.GroundTruth;
import com.jewellery.orderflow.scenario.OrderFlow;
import com.jewellery.orderflow.scenario.OutcomeMix;
import com.jewellery.orderflow.scenario.PlannedOrder;
import com.jewellery.orderflow.scenario.ScenarioGenerator;
import com.jewellery.orderflow.scenario.ScenarioPlan;
import com.jewellery.orderflow.scenario.SentOrder;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The order flow against the real RabbitMQ and the real Jaeger of {@code bin/stack}: every outcome in
 * both consumer styles, then each order's journey as Jaeger holds it, checked against the trace
 * contract (docs/decisions/0002) and the ground truth.
 */
class OrderFlowIT {

    private static final Duration SLOW_PRICING = Duration.ofMillis(2_500);
    private static final Duration MES_DOWNTIME = Duration.ofSeconds(2);
    private static final RabbitAdmin RABBIT =
            new RabbitAdmin(URI.create("http://127.0.0.1:15672"), "127.0.0.1:5672", "orderflow-it");
    private static final JaegerHttp JAEGER = new JaegerHttp(URI.create("https://localhost:16686"));
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String SHOP_SERVER = "POST /orders";
    private static final String CREATE = "order.create";
    private static final String SEND = "crm.send";
    private static final String CRM_SERVER = "POST /crm/orders";
    private static final String PROCESS = "order.process";
    private static final String PUBLISH = "publish orders.mes";
    private static final String CONSUME = "process orders.mes";
    private static final String PRICE = "price.calculate";
    private static final String APPROVE = "status.change";

    @BeforeEach
    void freshVirtualHost() throws Exception {
        RABBIT.freshVirtualHost();
    }

    @Test
    void everyOutcomeInBothConsumerStylesLeavesTheJourneyTheContractPromises(@TempDir Path directory) throws Exception {
        ScenarioPlan plan = ScenarioPlan.everyOutcome(ScenarioPlan.newRunId(), 2);
        GroundTruth truth;
        long consumed;
        try (OrderFlow flow = OrderFlow.start(settings(RABBIT.amqpUri()))) {
            truth = new ScenarioGenerator(flow, 50, MES_DOWNTIME, 4).play(plan, "order-aware sampling, ratio 0.1");
            consumed = flow.mes().receivedCount();
        }

        long reachingMes = count(plan, Outcome::reachesMes);
        long poison = count(plan, outcome -> outcome == Outcome.POISON);
        assertThat(consumed)
                .as("messages the MES consumed: all but the lost and stuck orders")
                .isEqualTo(reachingMes);
        assertThat(RABBIT.messageCount(RabbitTopology.INBOX_QUEUE))
                .as("left in the inbox")
                .isZero();
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(RABBIT.messageCount(RabbitTopology.DEAD_LETTER))
                        .as("dead-lettered")
                        .isEqualTo(poison));

        assertGroundTruthFileMatchesPlan(truth, plan, directory.resolve("ground-truth.json"));
        Map<String, List<TracedSpan>> journeys = awaitJourneys(truth);
        for (SentOrder sent : truth.orders()) {
            assertJourney(sent, journeys.getOrDefault(sent.order().orderId(), List.of()));
        }
    }

    @Test
    void generateCommandWritesGroundTruthThatTheTracesConfirm(@TempDir Path directory) throws Exception {
        String runId = ScenarioPlan.newRunId();
        String mix = "ok=4,lost=1,stuck=1,pricing_error=1,slow_pricing=1,poison=1,mes_down=1";
        Path file = directory.resolve("ground-truth.json");

        FlowMain.main(
                "generate",
                "--orders",
                "30",
                "--rate",
                "100",
                "--seed",
                "7",
                "--run-id",
                runId,
                "--mix",
                mix,
                "--sampling",
                "order-aware",
                "--consumer-style",
                "mixed",
                "--slow-pricing-seconds",
                "1",
                "--mes-down-seconds",
                "1",
                "--outage-size",
                "3",
                "--rabbit-uri",
                RABBIT.amqpUri(),
                "--ground-truth",
                file.toString());

        JsonNode written = JSON.readTree(Files.readString(file));
        assertThat(written.get("runId").asString()).isEqualTo(runId);
        assertThat(written.get("seed").asLong()).isEqualTo(7);
        ScenarioPlan replay = ScenarioPlan.draw(runId, 7, 30, OutcomeMix.parse(mix), List.of(ConsumerStyle.values()));
        assertThat(plannedOutcomes(written))
                .isEqualTo(replay.orders().stream()
                        .collect(Collectors.toMap(
                                PlannedOrder::orderId, order -> order.outcome().name())));
        Instant from = Instant.parse(written.get("startedAt").asString());
        Instant to = Instant.parse(written.get("finishedAt").asString());
        Map<String, List<TracedSpan>> journeys = awaitJourneys(
                runId,
                from,
                to,
                replay.orders().stream()
                        .mapToInt(order -> expectedSpans(order.outcome()).size())
                        .sum());
        for (PlannedOrder order : replay.orders()) {
            assertThat(names(journeys.get(order.orderId())))
                    .as(order.orderId() + " " + order.outcome())
                    .isEqualTo(expectedSpans(order.outcome()));
        }
    }

    // --- the journey of one order -------------------------------------------------------------

    private static void assertJourney(SentOrder sent, List<TracedSpan> spans) {
        Outcome outcome = sent.order().outcome();
        String described = sent.order().orderId() + " " + outcome + " "
                + sent.order().consumerStyle().key();
        assertThat(names(spans)).as(described).isEqualTo(expectedSpans(outcome));
        Map<String, TracedSpan> byName =
                spans.stream().collect(Collectors.toMap(TracedSpan::name, Function.identity()));

        for (TracedSpan span : spans) {
            assertThat(span.service())
                    .as(described + " service of " + span.name())
                    .isEqualTo(serviceOf(span.name()));
            assertThat(span.kind()).as(described + " kind of " + span.name()).isEqualTo(kindOf(span.name()));
            assertThat(span.attribute("order.status"))
                    .as(described + " order.status of " + span.name())
                    .isEqualTo(expectedStatus(span.name(), outcome).name());
            assertThat(span.failed())
                    .as(described + " ERROR on " + span.name())
                    .isEqualTo(failsIn(outcome).contains(span.name()));
        }

        TracedSpan shop = byName.get(SHOP_SERVER);
        assertThat(shop.isRoot()).isTrue();
        assertThat(shop.traceId()).as("trace id in the ground truth").isEqualTo(sent.traceId());
        assertChild(byName.get(CREATE), shop);
        assertChild(byName.get(SEND), shop);
        assertChild(byName.get(CRM_SERVER), byName.get(SEND));
        assertChild(byName.get(PROCESS), byName.get(CRM_SERVER));
        if (byName.containsKey(PUBLISH)) {
            assertChild(byName.get(PUBLISH), byName.get(CRM_SERVER));
            assertThat(byName.get(PUBLISH).attribute("messaging.system")).isEqualTo("rabbitmq");
            assertThat(byName.get(PUBLISH).attribute("messaging.destination.name"))
                    .isEqualTo("orders.mes");
            assertThat(byName.get(PUBLISH).attribute("messaging.operation.type"))
                    .isEqualTo("send");
            assertThat(byName.get(PUBLISH).attribute("messaging.message.id")).isNotBlank();
        }
        if (byName.containsKey(CONSUME)) {
            assertRabbitMqHop(sent.order().consumerStyle(), byName.get(PUBLISH), byName.get(CONSUME));
        }
        if (byName.containsKey(PRICE)) {
            assertChild(byName.get(PRICE), byName.get(CONSUME));
        }
        if (byName.containsKey(APPROVE)) {
            assertChild(byName.get(APPROVE), byName.get(CONSUME));
        }
        assertFault(outcome, byName);
    }

    private static void assertRabbitMqHop(ConsumerStyle style, TracedSpan publish, TracedSpan consume) {
        assertThat(consume.attribute("messaging.system")).isEqualTo("rabbitmq");
        assertThat(consume.attribute("messaging.operation.type")).isEqualTo("process");
        assertThat(consume.attribute("messaging.message.id")).isEqualTo(publish.attribute("messaging.message.id"));
        switch (style) {
            case CONTINUE -> {
                assertChild(consume, publish);
                assertThat(consume.links()).isEmpty();
            }
            case LINK -> {
                assertThat(consume.isRoot()).as("link style starts a new trace").isTrue();
                assertThat(consume.traceId()).isNotEqualTo(publish.traceId());
                assertThat(consume.links()).containsExactly(new TracedSpan.Link(publish.traceId(), publish.spanId()));
            }
        }
    }

    private static void assertFault(Outcome outcome, Map<String, TracedSpan> byName) {
        switch (outcome) {
            case LOST ->
                assertThat(byName.get(PUBLISH).attribute("messaging.rabbitmq.destination.routing_key"))
                        .as("published where no queue is bound")
                        .isNotEqualTo(RabbitTopology.ROUTING_KEY);
            case PRICING_ERROR -> assertException(byName.get(PRICE), "PricingException", "Pricing.price(");
            case POISON -> {
                assertException(byName.get(CONSUME), "MalformedOrderException", "OrderPayload.parse(");
                assertThat(byName.get(CONSUME).event("dead_letter"))
                        .as("dead_letter event")
                        .isPresent()
                        .get()
                        .extracting(event -> event.attributes().get("messaging.destination.name"))
                        .isEqualTo(RabbitTopology.DEAD_LETTER);
            }
            case SLOW_PRICING -> assertThat(byName.get(PRICE).duration()).isGreaterThanOrEqualTo(SLOW_PRICING);
            case MES_DOWN -> assertThat(queueWait(byName)).isGreaterThanOrEqualTo(MES_DOWNTIME);
            case OK -> {
                assertThat(byName.get(PRICE).duration()).isLessThan(SLOW_PRICING);
                assertThat(queueWait(byName)).isLessThan(MES_DOWNTIME);
            }
            case STUCK -> assertThat(byName).doesNotContainKey(PUBLISH);
        }
        if (outcome != Outcome.LOST && byName.containsKey(PUBLISH)) {
            assertThat(byName.get(PUBLISH).attribute("messaging.rabbitmq.destination.routing_key"))
                    .isEqualTo(RabbitTopology.ROUTING_KEY);
        }
    }

    private static void assertException(TracedSpan span, String type, String frame) {
        TracedSpan.Event exception =
                span.event("exception").orElseThrow(() -> new AssertionError(span.name() + " has no exception event"));
        assertThat(exception.attributes().get("exception.type")).endsWith(type);
        assertThat(exception.attributes().get("exception.message")).isNotBlank();
        assertThat(exception.attributes().get("exception.stacktrace")).contains(frame);
    }

    private static void assertChild(TracedSpan child, TracedSpan parent) {
        assertThat(child.traceId())
                .as(child.name() + " in the trace of " + parent.name())
                .isEqualTo(parent.traceId());
        assertThat(child.parentSpanId())
                .as(child.name() + " child of " + parent.name())
                .isEqualTo(parent.spanId());
    }

    /** Stage rabbitmq.queue: from the end of the publish to the start of the consume. */
    private static Duration queueWait(Map<String, TracedSpan> byName) {
        return Duration.ofNanos(
                byName.get(CONSUME).startNanos() - byName.get(PUBLISH).endNanos());
    }

    // --- what the contract expects --------------------------------------------------------------

    /**
     * The contract per outcome, written out here instead of derived from {@link Outcome}'s own
     * {@code stage()}, {@code completes()} and {@code reachesMes()}: which spans the order's traces hold,
     * the stage the outcome is about, and whether the order still completes.
     */
    private record Expected(String stage, boolean completes, Set<String> spans) {}

    private static final Set<String> TO_CRM = Set.of(SHOP_SERVER, CREATE, SEND, CRM_SERVER, PROCESS);
    private static final Map<Outcome, Expected> CONTRACT = Map.of(
            Outcome.OK, new Expected("mes.approve", true, spans(TO_CRM, PUBLISH, CONSUME, PRICE, APPROVE)),
            Outcome.LOST, new Expected("rabbitmq.queue", false, spans(TO_CRM, PUBLISH)),
            Outcome.STUCK, new Expected("crm.publish", false, TO_CRM),
            Outcome.PRICING_ERROR, new Expected("mes.price", false, spans(TO_CRM, PUBLISH, CONSUME, PRICE)),
            Outcome.SLOW_PRICING, new Expected("mes.price", true, spans(TO_CRM, PUBLISH, CONSUME, PRICE, APPROVE)),
            Outcome.POISON, new Expected("mes.consume", false, spans(TO_CRM, PUBLISH, CONSUME)),
            Outcome.MES_DOWN, new Expected("rabbitmq.queue", true, spans(TO_CRM, PUBLISH, CONSUME, PRICE, APPROVE)));

    private static Set<String> spans(Set<String> first, String... more) {
        Set<String> names = new LinkedHashSet<>(first);
        names.addAll(List.of(more));
        return names;
    }

    private static Set<String> expectedSpans(Outcome outcome) {
        assertThat(CONTRACT).as("the contract names every outcome").containsKey(outcome);
        return CONTRACT.get(outcome).spans();
    }

    private static Set<String> failsIn(Outcome outcome) {
        return switch (outcome) {
            case PRICING_ERROR -> Set.of(PRICE, CONSUME);
            case POISON -> Set.of(CONSUME);
            default -> Set.of();
        };
    }

    private static OrderStatus expectedStatus(String spanName, Outcome outcome) {
        return switch (spanName) {
            case SHOP_SERVER, SEND -> OrderStatus.SENT_TO_CRM;
            case CREATE -> OrderStatus.CREATED;
            case CRM_SERVER -> outcome == Outcome.STUCK ? OrderStatus.IN_CRM : OrderStatus.SENT_TO_MES;
            case PROCESS -> OrderStatus.IN_CRM;
            case PUBLISH -> OrderStatus.SENT_TO_MES;
            case CONSUME -> outcome == Outcome.POISON ? OrderStatus.SENT_TO_MES : OrderStatus.RECEIVED_IN_MES;
            case PRICE -> outcome == Outcome.PRICING_ERROR ? OrderStatus.RECEIVED_IN_MES : OrderStatus.PRICE_CALCULATED;
            case APPROVE -> OrderStatus.MANUFACTURING_APPROVED;
            default -> throw new AssertionError("unexpected span " + spanName);
        };
    }

    private static String serviceOf(String spanName) {
        return switch (spanName) {
            case SHOP_SERVER, CREATE, SEND -> "shop";
            case CRM_SERVER, PROCESS, PUBLISH -> "crm";
            default -> "mes";
        };
    }

    private static int kindOf(String spanName) {
        return switch (spanName) {
            case SHOP_SERVER, CRM_SERVER -> TracedSpan.KIND_SERVER;
            case SEND -> TracedSpan.KIND_CLIENT;
            case PUBLISH -> TracedSpan.KIND_PRODUCER;
            case CONSUME -> TracedSpan.KIND_CONSUMER;
            default -> TracedSpan.KIND_INTERNAL;
        };
    }

    // --- scenario, ground truth and Jaeger ------------------------------------------------------

    private static FlowSettings settings(String rabbitUri) {
        return new FlowSettings(
                new TelemetrySettings("https://127.0.0.1:4317", SamplingMode.ORDER_AWARE, 0.1),
                rabbitUri,
                0,
                0,
                SLOW_PRICING);
    }

    private static void assertGroundTruthFileMatchesPlan(GroundTruth truth, ScenarioPlan plan, Path file)
            throws Exception {
        truth.write(file);
        JsonNode written = JSON.readTree(Files.readString(file));
        assertThat(written.get("runId").asString()).isEqualTo(plan.runId());
        assertThat(plannedOutcomes(written))
                .isEqualTo(plan.orders().stream()
                        .collect(Collectors.toMap(
                                PlannedOrder::orderId, order -> order.outcome().name())));
        for (JsonNode order : written.get("orders")) {
            Outcome outcome = Outcome.valueOf(order.get("outcome").asString());
            assertThat(order.get("stage").asString())
                    .isEqualTo(CONTRACT.get(outcome).stage());
            assertThat(order.get("completes").asBoolean())
                    .isEqualTo(CONTRACT.get(outcome).completes());
            assertThat(order.get("accepted").asBoolean()).isTrue();
            assertThat(order.get("sampled").asBoolean())
                    .as("order-aware sampling keeps every order")
                    .isTrue();
        }
    }

    private static Map<String, String> plannedOutcomes(JsonNode groundTruth) {
        Map<String, String> outcomes = new LinkedHashMap<>();
        groundTruth
                .get("orders")
                .forEach(order -> outcomes.put(
                        order.get("orderId").asString(), order.get("outcome").asString()));
        return outcomes;
    }

    private static Map<String, List<TracedSpan>> awaitJourneys(GroundTruth truth) {
        int expected = truth.orders().stream()
                .mapToInt(sent -> expectedSpans(sent.order().outcome()).size())
                .sum();
        return awaitJourneys(truth.runId(), truth.startedAt(), truth.finishedAt(), expected);
    }

    /**
     * Polls Jaeger until the run's spans are all in (it stores them a moment after the export).
     * Asks per service: shop finds the shop traces, mes the link-style MES traces.
     */
    private static Map<String, List<TracedSpan>> awaitJourneys(String runId, Instant from, Instant to, int expected) {
        String prefix = "ORD-" + runId + "-";
        Map<String, TracedSpan> bySpanId = new LinkedHashMap<>();
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    for (String service : List.of("shop", "mes")) {
                        for (TracedSpan span : JAEGER.spansOfTraces(service, from.minusSeconds(1), to.plusSeconds(1))) {
                            String orderId = span.attribute("order.id");
                            if (orderId != null && orderId.startsWith(prefix)) {
                                bySpanId.put(span.spanId(), span);
                            }
                        }
                    }
                    return bySpanId.size() >= expected;
                });
        assertThat(bySpanId).as("spans of run " + runId).hasSize(expected);
        return bySpanId.values().stream().collect(Collectors.groupingBy(span -> span.attribute("order.id")));
    }

    private static Set<String> names(Collection<TracedSpan> spans) {
        List<String> names = Stream.ofNullable(spans)
                .flatMap(Collection::stream)
                .map(TracedSpan::name)
                .toList();
        assertThat(names).as("span names").doesNotHaveDuplicates();
        return Set.copyOf(names);
    }

    private static long count(ScenarioPlan plan, Predicate<Outcome> which) {
        return plan.orders().stream().map(PlannedOrder::outcome).filter(which).count();
    }
}

package com.jewellery.ordertracing.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class JourneyAssemblerTest {

    private static final String ORDER = "ORD-2026-000123";
    private static final Instant T0 = Instant.parse("2026-11-03T09:14:22.318Z");
    private static final List<String> CATALOG_ORDER = List.of(
            "shop.create",
            "shop.send",
            "crm.process",
            "crm.publish",
            "rabbitmq.queue",
            "mes.consume",
            "mes.price",
            "mes.approve");

    private final JourneyAssembler assembler = new JourneyAssembler(StageCatalog.defaults());

    private OrderJourney journeyOf(List<SpanRecord> spans) {
        return assembler.assemble(ORDER, spans).orElseThrow();
    }

    @Test
    void happyPathInOneTraceReachesEveryStage() {
        List<SpanRecord> spans = OrderFlowSpans.order(ORDER, T0).spans();

        OrderJourney journey = journeyOf(spans);

        assertThat(journey.outcome()).isEqualTo(JourneyOutcome.COMPLETED);
        assertThat(journey.stages()).extracting(JourneyStage::id).containsExactlyElementsOf(CATALOG_ORDER);
        assertThat(journey.stages()).allSatisfy(stage -> {
            assertThat(stage.state()).isEqualTo(StageState.OK);
            assertThat(stage.slaExceeded()).isFalse();
            assertThat(stage.clockSkew()).isFalse();
        });
        assertThat(journey.stages())
                .extracting(JourneyStage::orderStatus)
                .containsExactly(
                        "CREATED",
                        "SENT_TO_CRM",
                        "IN_CRM",
                        "SENT_TO_MES",
                        null,
                        "RECEIVED_IN_MES",
                        "PRICE_CALCULATED",
                        "MANUFACTURING_APPROVED");
        assertThat(journey.currentStatus()).isEqualTo("MANUFACTURING_APPROVED");
        assertThat(journey.lastReachedStage()).map(JourneyStage::id).hasValue("mes.approve");
        assertThat(journey.traceIds()).containsExactly(spans.getFirst().traceId());
        assertThat(journey.errors()).isEmpty();
        assertThat(journey.missingStages()).isEmpty();
        assertThat(journey.spans()).hasSize(spans.size());
        assertThat(journey.firstSeen()).isEqualTo(startOf(spans, "POST /orders"));
        assertThat(journey.endToEndSlaExceeded()).isFalse();
    }

    @Test
    void spanStageCarriesItsSpanTimesAndAttributes() {
        List<SpanRecord> spans = OrderFlowSpans.order(ORDER, T0).spans();
        SpanRecord price = span(spans, "price.calculate");

        JourneyStage stage = journeyOf(spans).stage("mes.price").orElseThrow();

        assertThat(stage.start()).isEqualTo(price.start());
        assertThat(stage.end()).isEqualTo(price.end());
        assertThat(stage.duration()).isEqualTo(Duration.between(price.start(), price.end()));
        assertThat(stage.spans()).containsExactly(price.ref());
        assertThat(stage.traceId()).isEqualTo(price.traceId());
        assertThat(stage.service()).isEqualTo("mes");
        assertThat(stage.attributes())
                .containsEntry("order.price.total", "2480.00")
                .containsEntry("order.id", ORDER);
    }

    @Test
    void queueWaitIsTheGapFromPublishEndToConsumeStart() {
        List<SpanRecord> spans = OrderFlowSpans.order(ORDER, T0)
                .queueWait(Duration.ofMillis(420))
                .spans();
        SpanRecord publish = span(spans, "publish orders.mes");
        SpanRecord consume = span(spans, "process orders.mes");

        JourneyStage queue = journeyOf(spans).stage("rabbitmq.queue").orElseThrow();

        assertThat(queue.state()).isEqualTo(StageState.OK);
        assertThat(queue.service()).isEqualTo("rabbitmq");
        assertThat(queue.start()).isEqualTo(publish.end());
        assertThat(queue.end()).isEqualTo(consume.start());
        assertThat(queue.duration()).isCloseTo(Duration.ofMillis(420), Duration.ofMillis(1));
        assertThat(queue.spans()).containsExactly(publish.ref(), consume.ref());
        assertThat(queue.clockSkew()).isFalse();
    }

    @Test
    void linkStyleJoinsTheCrmAndMesTracesByOrderId() {
        List<SpanRecord> spans = OrderFlowSpans.order(ORDER, T0).linkStyle().spans();
        SpanRecord publish = span(spans, "publish orders.mes");
        SpanRecord consume = span(spans, "process orders.mes");

        OrderJourney journey = journeyOf(spans);

        assertThat(consume.isRoot()).isTrue();
        assertThat(consume.links()).containsExactly(new SpanRecord.Link(publish.traceId(), publish.spanId()));
        assertThat(journey.outcome()).isEqualTo(JourneyOutcome.COMPLETED);
        assertThat(journey.traceIds()).containsExactly(publish.traceId(), consume.traceId());
        assertThat(journey.stage("crm.publish").orElseThrow().traceId()).isEqualTo(publish.traceId());
        assertThat(journey.stage("mes.approve").orElseThrow().traceId()).isEqualTo(consume.traceId());
        assertThat(journey.stage("rabbitmq.queue").orElseThrow().duration())
                .isCloseTo(Duration.ofMillis(180), Duration.ofMillis(1));
        assertThat(journey.stages()).extracting(JourneyStage::state).containsOnly(StageState.OK);
    }

    @Test
    void mesClockBehindMakesTheQueueWaitZeroAndFlagsSkewWithoutReorderingStages() {
        List<SpanRecord> spans = OrderFlowSpans.order(ORDER, T0)
                .linkStyle()
                .mesClockOffset(Duration.ofMillis(-2_300))
                .spans();

        OrderJourney journey = journeyOf(spans);

        JourneyStage queue = journey.stage("rabbitmq.queue").orElseThrow();
        assertThat(queue.duration()).isZero();
        assertThat(queue.end()).isEqualTo(queue.start());
        assertThat(queue.clockSkew()).isTrue();
        assertThat(journey.clockSkew()).isTrue();
        assertThat(journey.stages()).extracting(JourneyStage::id).containsExactlyElementsOf(CATALOG_ORDER);
        assertThat(journey.lastReachedStage()).map(JourneyStage::id).hasValue("mes.approve");
        assertThat(journey.outcome()).isEqualTo(JourneyOutcome.COMPLETED);
        // the MES's skewed spans even look older than the shop's
        assertThat(journey.firstSeen()).isEqualTo(startOf(spans, "process orders.mes"));
    }

    @Test
    void consumerStartingBeforeTheConfirmedPublishEndsWaitedZeroWithoutClockSkew() {
        // the publish span lasts until the broker's confirm; the MES may take the message before that
        List<SpanRecord> spans = OrderFlowSpans.order(ORDER, T0)
                .queueWait(Duration.ofMillis(-10))
                .spans();
        SpanRecord publish = span(spans, "publish orders.mes");
        SpanRecord consume = span(spans, "process orders.mes");

        OrderJourney journey = journeyOf(spans);

        JourneyStage queue = journey.stage("rabbitmq.queue").orElseThrow();
        assertThat(consume.start()).isBetween(publish.start(), publish.end());
        assertThat(queue.duration()).isZero();
        // drawn where the MES took the message, between publish and consume, not after the MES's first stage
        assertThat(queue.start()).isEqualTo(consume.start());
        assertThat(queue.end()).isEqualTo(consume.start());
        assertThat(queue.clockSkew()).isFalse();
        assertThat(journey.clockSkew()).isFalse();
    }

    @Test
    void orderLostAfterPublishHasQueueAndMesStagesMissing() {
        OrderJourney journey = journeyOf(
                OrderFlowSpans.order(ORDER, T0).stopAfter("crm.publish").spans());

        assertThat(journey.outcome()).isEqualTo(JourneyOutcome.IN_PROGRESS);
        assertThat(journey.lastReachedStage()).map(JourneyStage::id).hasValue("crm.publish");
        assertThat(journey.currentStatus()).isEqualTo("SENT_TO_MES");
        assertThat(journey.stages()).hasSize(CATALOG_ORDER.size());
        assertThat(journey.missingStages())
                .extracting(JourneyStage::id)
                .containsExactly("rabbitmq.queue", "mes.consume", "mes.price", "mes.approve");
        assertThat(journey.missingStages()).allSatisfy(stage -> {
            assertThat(stage.state()).isEqualTo(StageState.MISSING);
            assertThat(stage.start()).isNull();
            assertThat(stage.duration()).isNull();
            assertThat(stage.spans()).isEmpty();
            assertThat(stage.traceId()).isNull();
        });
        assertThat(journey.gaps()).isEmpty();
    }

    @Test
    void stageWhoseSpanWasDroppedIsAGapBeforeTheLastReachedStage() {
        OrderJourney journey = journeyOf(
                OrderFlowSpans.order(ORDER, T0).withoutSpan("order.process").spans());

        assertThat(journey.stage("crm.process").orElseThrow().state()).isEqualTo(StageState.MISSING);
        assertThat(journey.gaps()).extracting(JourneyStage::id).containsExactly("crm.process");
        assertThat(journey.outcome()).isEqualTo(JourneyOutcome.COMPLETED);
    }

    @Test
    void queueWaitIsMissingWhenThePublishSpanIsMissing() {
        OrderJourney journey = journeyOf(OrderFlowSpans.order(ORDER, T0)
                .withoutSpan("publish orders.mes")
                .spans());

        assertThat(journey.stage("rabbitmq.queue").orElseThrow().state()).isEqualTo(StageState.MISSING);
        assertThat(journey.gaps()).extracting(JourneyStage::id).containsExactly("crm.publish", "rabbitmq.queue");
    }

    @Test
    void pricingErrorFailsTheOrderAtThePricingStageWithItsStacktrace() {
        List<SpanRecord> spans = OrderFlowSpans.order(ORDER, T0).pricingFails().spans();
        SpanRecord price = span(spans, "price.calculate");

        OrderJourney journey = journeyOf(spans);

        assertThat(journey.outcome()).isEqualTo(JourneyOutcome.FAILED);
        assertThat(journey.lastReachedStage()).map(JourneyStage::id).hasValue("mes.price");
        assertThat(journey.stage("mes.price").orElseThrow().state()).isEqualTo(StageState.ERROR);
        assertThat(journey.stage("mes.consume").orElseThrow().state()).isEqualTo(StageState.ERROR);
        assertThat(journey.stage("mes.approve").orElseThrow().state()).isEqualTo(StageState.MISSING);
        assertThat(journey.currentStatus()).isEqualTo("RECEIVED_IN_MES");
        assertThat(journey.errors()).hasSize(2);
        JourneyError pricing = journey.errors().getFirst();
        assertThat(pricing.kind()).isEqualTo(JourneyError.Kind.EXCEPTION);
        assertThat(pricing.stageId()).isEqualTo("mes.price");
        assertThat(pricing.span()).isEqualTo(price.ref());
        assertThat(pricing.service()).isEqualTo("mes");
        assertThat(pricing.spanName()).isEqualTo("price.calculate");
        assertThat(pricing.exceptionType()).isEqualTo("com.jewellery.mes.pricing.PricingException");
        assertThat(pricing.message()).isEqualTo("no gold price for alloy AU750 on 2026-11-03");
        assertThat(pricing.stacktrace()).isEqualTo(OrderFlowSpans.PRICING_STACKTRACE);
        assertThat(pricing.time()).isEqualTo(price.events().getFirst().time());
        JourneyError consumer = journey.errors().get(1);
        assertThat(consumer.kind()).isEqualTo(JourneyError.Kind.STATUS);
        assertThat(consumer.stageId()).isEqualTo("mes.consume");
        assertThat(consumer.message()).isEqualTo("pricing failed");
        assertThat(consumer.exceptionType()).isNull();
    }

    @Test
    void poisonMessageRetriedThenDeadLetteredFailsAtTheConsumeStage() {
        List<SpanRecord> spans =
                OrderFlowSpans.order(ORDER, T0).poisonMessage(3).spans();
        SpanRecord publish = span(spans, "publish orders.mes");
        SpanRecord firstDelivery = spans.stream()
                .filter(span -> span.name().equals("process orders.mes"))
                .min(Comparator.comparingLong(SpanRecord::startEpochNanos))
                .orElseThrow();

        OrderJourney journey = journeyOf(spans);

        assertThat(journey.outcome()).isEqualTo(JourneyOutcome.FAILED);
        assertThat(journey.deadLettered()).isTrue();
        JourneyStage consume = journey.stage("mes.consume").orElseThrow();
        assertThat(consume.state()).isEqualTo(StageState.ERROR);
        assertThat(consume.spans()).hasSize(3);
        assertThat(consume.start()).isEqualTo(firstDelivery.start());
        assertThat(consume.duration()).isGreaterThan(Duration.ofSeconds(2));
        assertThat(journey.stage("rabbitmq.queue").orElseThrow().end()).isEqualTo(firstDelivery.start());
        assertThat(journey.stage("rabbitmq.queue").orElseThrow().start()).isEqualTo(publish.end());
        assertThat(journey.errors())
                .extracting(JourneyError::kind)
                .containsExactly(
                        JourneyError.Kind.EXCEPTION,
                        JourneyError.Kind.EXCEPTION,
                        JourneyError.Kind.EXCEPTION,
                        JourneyError.Kind.DEAD_LETTER);
        assertThat(journey.errors()).extracting(JourneyError::stageId).containsOnly("mes.consume");
        JourneyError deadLetter = journey.errors().getLast();
        assertThat(deadLetter.message()).isEqualTo("IllegalArgumentException: unknown alloy code 'AU999' in line 2");
        assertThat(deadLetter.attributes()).containsEntry("messaging.rabbitmq.dead_letter.exchange", "orders.dlx");
        assertThat(journey.missingStages()).extracting(JourneyStage::id).containsExactly("mes.price", "mes.approve");
    }

    @Test
    void errorOnASpanOutsideTheCatalogIsReportedUnderItsNearestStagedAncestor() {
        List<SpanRecord> spans = new ArrayList<>(OrderFlowSpans.order(ORDER, T0).spans());
        SpanRecord process = span(spans, "order.process");
        SpanRecord jdbc = new SpanRecord(
                process.traceId(),
                "5be1d0a8f3c27e44",
                process.spanId(),
                "crm",
                "UPDATE crm.orders",
                SpanRecord.Kind.CLIENT,
                process.startEpochNanos() + 2_000_000,
                process.startEpochNanos() + 9_000_000,
                SpanRecord.StatusCode.ERROR,
                "deadlock detected",
                Map.of("order.id", ORDER, "db.system.name", "postgresql"),
                List.of(),
                List.of());
        spans.add(jdbc);

        OrderJourney journey = journeyOf(spans);

        assertThat(journey.errors()).singleElement().satisfies(error -> {
            assertThat(error.kind()).isEqualTo(JourneyError.Kind.STATUS);
            assertThat(error.stageId()).isEqualTo("crm.process");
            assertThat(error.message()).isEqualTo("deadlock detected");
            assertThat(error.time()).isEqualTo(jdbc.end());
        });
        assertThat(journey.outcome()).isEqualTo(JourneyOutcome.COMPLETED);
    }

    @Test
    void duplicateSpansFromOverlappingReadsCountOnce() {
        List<SpanRecord> spans =
                OrderFlowSpans.order(ORDER, T0).poisonMessage(2).spans();
        List<SpanRecord> overlapping = new ArrayList<>(spans);
        overlapping.addAll(spans.subList(2, spans.size()));
        Collections.shuffle(overlapping, new Random(7));

        OrderJourney journey = journeyOf(overlapping);

        assertThat(journey).isEqualTo(journeyOf(spans));
        assertThat(journey.spans()).hasSize(spans.size());
        assertThat(journey.stage("mes.consume").orElseThrow().spans()).hasSize(2);
        assertThat(journey.errors()).hasSize(3);
    }

    @Test
    void batchWithSeveralOrdersGivesOneJourneyEachAndIgnoresSpansWithoutOrderId() {
        List<SpanRecord> batch = new ArrayList<>();
        batch.addAll(OrderFlowSpans.order("ORD-2026-000125", T0.plusSeconds(4))
                .pricingFails()
                .spans());
        batch.addAll(OrderFlowSpans.order("ORD-2026-000124", T0.plusMillis(900))
                .linkStyle()
                .spans());
        batch.addAll(OrderFlowSpans.order(ORDER, T0).stopAfter("shop.send").spans());
        batch.add(new SpanRecord(
                "9f2c41d07ab35e6c1d08f4e2a7b90c53",
                "77c0e1a4b2d9f316",
                "",
                "shop",
                "GET /health",
                SpanRecord.Kind.SERVER,
                toNanos(T0),
                toNanos(T0.plusMillis(2)),
                null,
                null,
                Map.of(),
                null,
                null));
        Collections.shuffle(batch, new Random(42));

        List<OrderJourney> journeys = assembler.assemble(batch);

        assertThat(journeys)
                .extracting(OrderJourney::orderId)
                .containsExactly(ORDER, "ORD-2026-000124", "ORD-2026-000125");
        assertThat(journeys)
                .extracting(OrderJourney::outcome)
                .containsExactly(JourneyOutcome.IN_PROGRESS, JourneyOutcome.COMPLETED, JourneyOutcome.FAILED);
        assertThat(journeys)
                .extracting(OrderJourney::currentStatus)
                .containsExactly("SENT_TO_CRM", "MANUFACTURING_APPROVED", "RECEIVED_IN_MES");
        assertThat(journeys.get(1).traceIds()).hasSize(2);
        assertThat(journeys)
                .allSatisfy(journey -> assertThat(journey.spans())
                        .allSatisfy(span -> assertThat(span.orderId()).hasValue(journey.orderId())));
    }

    @Test
    void unknownOrderGivesNoJourney() {
        assertThat(assembler.assemble(
                        "ORD-2026-999999", OrderFlowSpans.order(ORDER, T0).spans()))
                .isEmpty();
    }

    @Test
    void slowStagesAndSlowOrdersExceedTheirSla() {
        OrderJourney journey = journeyOf(
                OrderFlowSpans.order(ORDER, T0).queueWait(Duration.ofMinutes(6)).spans());

        JourneyStage queue = journey.stage("rabbitmq.queue").orElseThrow();
        assertThat(queue.slaExceeded()).isTrue();
        assertThat(journey.stages()).filteredOn(JourneyStage::slaExceeded).containsExactly(queue);
        assertThat(journey.totalDuration()).isCloseTo(Duration.ofMinutes(6).plusMillis(413), Duration.ofMillis(2));
        assertThat(journey.endToEndSlaExceeded()).isTrue();
        assertThat(journey.outcome()).isEqualTo(JourneyOutcome.COMPLETED);
    }

    @Test
    void stageAttributesCanMatchSpansInsteadOfNames() {
        StageCatalog byAttributes = new StageCatalog(
                StageCatalog.defaults().services(),
                StageCatalog.defaults().stages().stream()
                        .map(stage -> stage.id().equals("crm.publish")
                                ? new StageDefinition(
                                        stage.id(),
                                        null,
                                        "crm",
                                        null,
                                        Map.of("messaging.system", "rabbitmq", "messaging.operation.type", "send"),
                                        stage.order(),
                                        stage.sla(),
                                        false,
                                        StageKind.SPAN)
                                : stage)
                        .toList(),
                StageCatalog.DEFAULT_END_TO_END_SLA);
        List<SpanRecord> spans = OrderFlowSpans.order(ORDER, T0).spans();

        OrderJourney journey =
                new JourneyAssembler(byAttributes).assemble(ORDER, spans).orElseThrow();

        assertThat(journey.stage("crm.publish").orElseThrow().spans())
                .containsExactly(span(spans, "publish orders.mes").ref());
    }

    private static SpanRecord span(List<SpanRecord> spans, String name) {
        return spans.stream()
                .filter(span -> span.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    private static Instant startOf(List<SpanRecord> spans, String name) {
        return span(spans, name).start();
    }

    private static long toNanos(Instant instant) {
        return ChronoUnit.NANOS.between(Instant.EPOCH, instant);
    }
}

package com.jewellery.ordertracing.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.jewellery.orderflow.instrumentation.ConsumerStyle;
import com.jewellery.orderflow.instrumentation.Outcome;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Journey assembly on span shapes recorded from the real flow and the stack's Jaeger: one order per
 * outcome and consumer style (re-record with {@link RecordSpanFixtures}).
 */
class RecordedJourneysTest {

    private static final List<String> CATALOG_ORDER = List.of(
            "shop.create",
            "shop.send",
            "crm.process",
            "crm.publish",
            "rabbitmq.queue",
            "mes.consume",
            "mes.price",
            "mes.approve");
    /** GeneratedOrders' slow price feed and MES outage, as recorded. */
    private static final Duration SLOW_PRICING = Duration.ofMillis(500);

    private static final Duration MES_DOWNTIME = Duration.ofSeconds(1);
    private static final Duration SKEW = Duration.ofSeconds(2);

    private final JourneyAssembler assembler = new JourneyAssembler(StageCatalog.defaults());

    /** Where an outcome's journey must end, whatever the consumer style. */
    private record Expected(JourneyOutcome outcome, String lastStage, String currentStatus) {

        static Expected of(Outcome outcome) {
            return switch (outcome) {
                case OK, SLOW_PRICING, MES_DOWN ->
                    new Expected(JourneyOutcome.COMPLETED, "mes.approve", "MANUFACTURING_APPROVED");
                case LOST -> new Expected(JourneyOutcome.IN_PROGRESS, "crm.publish", "SENT_TO_MES");
                case STUCK -> new Expected(JourneyOutcome.IN_PROGRESS, "crm.process", "IN_CRM");
                case PRICING_ERROR -> new Expected(JourneyOutcome.FAILED, "mes.price", "RECEIVED_IN_MES");
                case POISON -> new Expected(JourneyOutcome.FAILED, "mes.consume", "SENT_TO_MES");
            };
        }

        List<String> reached() {
            return CATALOG_ORDER.subList(0, CATALOG_ORDER.indexOf(lastStage) + 1);
        }

        List<String> missing() {
            return CATALOG_ORDER.subList(CATALOG_ORDER.indexOf(lastStage) + 1, CATALOG_ORDER.size());
        }
    }

    static Stream<Arguments> everyRecording() {
        return Arrays.stream(Outcome.values())
                .flatMap(outcome -> Arrays.stream(ConsumerStyle.values()).map(style -> Arguments.of(outcome, style)));
    }

    static Stream<Arguments> recordingsThatReachTheMes() {
        return everyRecording().filter(arguments -> ((Outcome) arguments.get()[0]).reachesMes());
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyRecording")
    void everyRecordedOrderEndsWhereItsOutcomeSays(Outcome outcome, ConsumerStyle style) {
        List<SpanRecord> spans = RecordedSpans.read(outcome, style);
        Expected expected = Expected.of(outcome);

        List<OrderJourney> journeys = assembler.assemble(spans);

        assertThat(journeys).hasSize(1);
        OrderJourney journey = journeys.getFirst();
        assertThat(journey.spans()).as("every recorded span carries order.id").hasSameSizeAs(spans);
        assertThat(journey.stages()).extracting(JourneyStage::id).containsExactlyElementsOf(CATALOG_ORDER);
        assertThat(journey.stages())
                .filteredOn(JourneyStage::isReached)
                .extracting(JourneyStage::id)
                .containsExactlyElementsOf(expected.reached());
        assertThat(journey.missingStages()).extracting(JourneyStage::id).containsExactlyElementsOf(expected.missing());
        assertThat(journey.gaps()).isEmpty();
        assertThat(journey.outcome()).isEqualTo(expected.outcome());
        assertThat(journey.lastReachedStage()).map(JourneyStage::id).hasValue(expected.lastStage());
        assertThat(journey.currentStatus()).isEqualTo(expected.currentStatus());
        assertThat(journey.clockSkew()).isFalse();
        assertThat(journey.endToEndSlaExceeded()).isFalse();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyRecording")
    void onlyFailedOrdersHaveErrorsAndFailedStages(Outcome outcome, ConsumerStyle style) {
        OrderJourney journey = journeyOf(outcome, style);

        List<String> failedStages = switch (outcome) {
            case PRICING_ERROR -> List.of("mes.consume", "mes.price");
            case POISON -> List.of("mes.consume");
            default -> List.of();
        };
        assertThat(journey.stages())
                .filteredOn(stage -> stage.state() == StageState.ERROR)
                .extracting(JourneyStage::id)
                .containsExactlyElementsOf(failedStages);
        assertThat(journey.errors()).extracting(JourneyError::stageId).hasSameElementsAs(failedStages);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyRecording")
    void theFailureStartedAtTheStageWhereTheOrderFailedNotWhereTheExceptionWasPassedOn(
            Outcome outcome, ConsumerStyle style) {
        // the index's error columns, the alerts and the lost list read this: a pricing error is the price
        // calculation's, although the MES consumer span records it again, later
        String origin = journeyOf(outcome, style)
                .originError()
                .map(JourneyError::stageId)
                .orElse(null);

        assertThat(origin)
                .isEqualTo(
                        switch (outcome) {
                            case PRICING_ERROR -> "mes.price";
                            case POISON -> "mes.consume";
                            default -> null;
                        });
    }

    @ParameterizedTest
    @EnumSource(ConsumerStyle.class)
    void pricingErrorCarriesTheExceptionMessageAndStackTraceOnThePriceAndConsumeStages(ConsumerStyle style) {
        OrderJourney journey = journeyOf(Outcome.PRICING_ERROR, style);
        SpanRecord price = span(journey, "price.calculate");

        assertThat(journey.deadLettered()).isFalse();
        assertThat(journey.errors())
                .extracting(JourneyError::kind, JourneyError::stageId, JourneyError::spanName)
                .containsExactly(
                        tuple(JourneyError.Kind.EXCEPTION, "mes.price", "price.calculate"),
                        tuple(JourneyError.Kind.EXCEPTION, "mes.consume", "process orders.mes"));
        assertThat(journey.errors()).allSatisfy(error -> {
            assertThat(error.message())
                    .startsWith("no price quote for metal ")
                    .endsWith("(order " + journey.orderId() + ")");
            assertThat(error.exceptionType()).isEqualTo("com.jewellery.orderflow.Pricing.PricingException");
            assertThat(error.stacktrace())
                    .startsWith("com.jewellery.orderflow.Pricing$PricingException: " + error.message())
                    .contains("\tat com.jewellery.orderflow.Pricing.price(");
            assertThat(error.service()).isEqualTo("mes");
        });
        JourneyError first = journey.errors().getFirst();
        assertThat(first.span()).isEqualTo(price.ref());
        assertThat(price.statusMessage()).isEqualTo("PricingException: " + first.message());
    }

    @ParameterizedTest
    @EnumSource(ConsumerStyle.class)
    void poisonMessageIsDeadLetteredAtTheConsumeStage(ConsumerStyle style) {
        OrderJourney journey = journeyOf(Outcome.POISON, style);
        SpanRecord consume = span(journey, "process orders.mes");

        assertThat(journey.deadLettered()).isTrue();
        // Jaeger returns the dead_letter event before the earlier exception event; errors come by time
        assertThat(journey.errors())
                .extracting(JourneyError::kind)
                .containsExactly(JourneyError.Kind.EXCEPTION, JourneyError.Kind.DEAD_LETTER);
        assertThat(journey.errors()).allSatisfy(error -> {
            assertThat(error.stageId()).isEqualTo("mes.consume");
            assertThat(error.span()).isEqualTo(consume.ref());
        });
        JourneyError exception = journey.errors().getFirst();
        assertThat(exception.message()).isEqualTo("order is not valid JSON: expected '{' at character 0");
        assertThat(exception.stacktrace())
                .contains("\tat com.jewellery.orderflow.OrderPayload.parse(")
                .contains("Caused by: java.lang.IllegalArgumentException");
        JourneyError deadLetter = journey.errors().getLast();
        assertThat(deadLetter.message())
                .isEqualTo(consume.statusMessage())
                .isEqualTo("MalformedOrderException: " + exception.message());
        assertThat(deadLetter.attributes())
                .containsEntry("messaging.destination.name", "orders.mes.dlq")
                .containsEntry("messaging.rabbitmq.dead_letter.reason", "rejected");
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("recordingsThatReachTheMes")
    void queueWaitIsDerivedFromPublishEndToConsumeStartAcrossTheRabbitHop(Outcome outcome, ConsumerStyle style) {
        OrderJourney journey = journeyOf(outcome, style);
        SpanRecord publish = span(journey, "publish orders.mes");
        SpanRecord consume = span(journey, "process orders.mes");
        Duration gap = Duration.between(publish.end(), consume.start());

        JourneyStage queue = journey.stage("rabbitmq.queue").orElseThrow();

        assertThat(queue.state()).isEqualTo(StageState.OK);
        assertThat(queue.service()).isEqualTo("rabbitmq");
        assertThat(queue.spans()).containsExactly(publish.ref(), consume.ref());
        // a confirmed publish ends when the broker's confirm is back, often after the MES took the message:
        // then the wait is zero, at the consumer's start, so the bar lies between publish and consume
        assertThat(queue.start()).isEqualTo(gap.isNegative() ? consume.start() : publish.end());
        assertThat(queue.end())
                .as("the wait ends when the MES takes the message")
                .isEqualTo(consume.start());
        assertThat(queue.start()).isAfterOrEqualTo(publish.start());
        assertThat(queue.duration()).isEqualTo(gap.isNegative() ? Duration.ZERO : gap);
        assertThat(queue.clockSkew()).isFalse();
        assertThat(queue.slaExceeded()).isFalse();
    }

    @Test
    void recordingsHoldConsumersThatStartedBeforeTheirConfirmedPublishEnded() {
        // guards the test above: the recorded shapes must include that overlap, or it proves nothing
        assertThat(recordingsThatReachTheMes()
                        .map(arguments -> journeyOf((Outcome) arguments.get()[0], (ConsumerStyle)
                                arguments.get()[1])))
                .anySatisfy(journey -> assertThat(
                                span(journey, "process orders.mes").start())
                        .isBefore(span(journey, "publish orders.mes").end()));
    }

    @ParameterizedTest
    @EnumSource(ConsumerStyle.class)
    void mesOutageShowsAsALongQueueWaitAndTheOrderStillCompletes(ConsumerStyle style) {
        Duration outageWait = journeyOf(Outcome.MES_DOWN, style)
                .stage("rabbitmq.queue")
                .orElseThrow()
                .duration();
        Duration normalWait = journeyOf(Outcome.OK, style)
                .stage("rabbitmq.queue")
                .orElseThrow()
                .duration();

        assertThat(outageWait).isGreaterThanOrEqualTo(MES_DOWNTIME.minusMillis(100));
        assertThat(normalWait).isLessThan(Duration.ofMillis(100));
    }

    @ParameterizedTest
    @EnumSource(ConsumerStyle.class)
    void slowPricingShowsInThePriceStageAndTheOrderStillCompletes(ConsumerStyle style) {
        JourneyStage price =
                journeyOf(Outcome.SLOW_PRICING, style).stage("mes.price").orElseThrow();

        assertThat(price.state()).isEqualTo(StageState.OK);
        assertThat(price.duration()).isGreaterThanOrEqualTo(SLOW_PRICING);
        assertThat(price.orderStatus()).isEqualTo("PRICE_CALCULATED");
        assertThat(journeyOf(Outcome.OK, style).stage("mes.price").orElseThrow().duration())
                .isLessThan(SLOW_PRICING);
    }

    @ParameterizedTest
    @EnumSource(ConsumerStyle.class)
    void lostOrderWasPublishedOkWithTheMistypedRoutingKey(ConsumerStyle style) {
        JourneyStage publish =
                journeyOf(Outcome.LOST, style).stage("crm.publish").orElseThrow();

        assertThat(publish.state()).isEqualTo(StageState.OK);
        assertThat(publish.attributes()).containsEntry("messaging.rabbitmq.destination.routing_key", "MES");
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("recordingsThatReachTheMes")
    void linkStyleJoinsTheCrmAndMesTracesWhileContinueStyleIsOneTrace(Outcome outcome, ConsumerStyle style) {
        OrderJourney journey = journeyOf(outcome, style);
        SpanRecord publish = span(journey, "publish orders.mes");
        SpanRecord consume = span(journey, "process orders.mes");

        if (style == ConsumerStyle.LINK) {
            assertThat(journey.traceIds())
                    .containsExactly(publish.traceId(), consume.traceId())
                    .doesNotHaveDuplicates();
            assertThat(consume.isRoot()).isTrue();
            assertThat(consume.links()).containsExactly(new SpanRecord.Link(publish.traceId(), publish.spanId()));
        } else {
            assertThat(journey.traceIds()).containsExactly(publish.traceId());
            assertThat(consume.parentSpanId()).isEqualTo(publish.spanId());
            assertThat(consume.links()).isEmpty();
        }
        assertThat(journey.stage("crm.publish").orElseThrow().traceId()).isEqualTo(publish.traceId());
        assertThat(journey.lastReachedStage().orElseThrow().traceId()).isEqualTo(consume.traceId());
    }

    @ParameterizedTest
    @EnumSource(
            value = Outcome.class,
            names = {"LOST", "STUCK"})
    void ordersThatNeverReachTheMesHaveOneTraceInEitherStyle(Outcome outcome) {
        assertThat(journeyOf(outcome, ConsumerStyle.LINK).traceIds()).hasSize(1);
        assertThat(journeyOf(outcome, ConsumerStyle.CONTINUE).traceIds()).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(ConsumerStyle.class)
    void mesClockTwoSecondsBehindStillAssemblesInCatalogOrderWithTheQueueWaitClampedAndFlagged(ConsumerStyle style) {
        List<SpanRecord> skewed = RecordedSpans.read(Outcome.OK, style).stream()
                .map(span -> span.service().equals("mes") ? shiftedBack(span, SKEW) : span)
                .toList();

        OrderJourney journey = assembler.assemble(skewed).getFirst();

        assertThat(span(journey, "process orders.mes").start())
                .isBefore(span(journey, "POST /orders").start());
        assertThat(journey.stages()).extracting(JourneyStage::id).containsExactlyElementsOf(CATALOG_ORDER);
        assertThat(journey.stages()).extracting(JourneyStage::state).containsOnly(StageState.OK);
        JourneyStage queue = journey.stage("rabbitmq.queue").orElseThrow();
        assertThat(queue.duration()).isZero();
        assertThat(queue.end()).isEqualTo(queue.start());
        assertThat(queue.clockSkew()).isTrue();
        assertThat(journey.clockSkew()).isTrue();
        assertThat(journey.outcome()).isEqualTo(JourneyOutcome.COMPLETED);
        assertThat(journey.lastReachedStage()).map(JourneyStage::id).hasValue("mes.approve");
    }

    private OrderJourney journeyOf(Outcome outcome, ConsumerStyle style) {
        List<OrderJourney> journeys = assembler.assemble(RecordedSpans.read(outcome, style));
        assertThat(journeys).hasSize(1);
        return journeys.getFirst();
    }

    private static SpanRecord span(OrderJourney journey, String name) {
        return journey.spans().stream()
                .filter(span -> span.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    private static SpanRecord shiftedBack(SpanRecord span, Duration by) {
        long nanos = by.toNanos();
        return new SpanRecord(
                span.traceId(),
                span.spanId(),
                span.parentSpanId(),
                span.service(),
                span.name(),
                span.kind(),
                span.startEpochNanos() - nanos,
                span.endEpochNanos() - nanos,
                span.statusCode(),
                span.statusMessage(),
                span.attributes(),
                span.events().stream()
                        .map(event ->
                                new SpanRecord.Event(event.name(), event.epochNanos() - nanos, event.attributes()))
                        .toList(),
                span.links());
    }
}

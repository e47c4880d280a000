package com.jewellery.ordertracing.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import com.jewellery.ordertracing.journey.JourneyAssembler;
import com.jewellery.ordertracing.journey.JourneyFixtures;
import com.jewellery.ordertracing.journey.JourneyStage;
import com.jewellery.ordertracing.journey.OrderJourney;
import com.jewellery.ordertracing.journey.StageCatalog;
import com.jewellery.ordertracing.journey.StageState;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class StageMeasurementTest {

    private static final Instant START = Instant.parse("2026-12-01T08:00:00Z");
    private final JourneyAssembler assembler = new JourneyAssembler(StageCatalog.defaults());

    @Test
    void aCompletedOrderIsMeasuredAtEveryStageTheQueueWaitIncludedAndEndToEnd() {
        OrderJourney journey =
                assembler.assemble(JourneyFixtures.completed("ORD-1", START)).getFirst();

        Map<String, StageMeasurement> measured = byStage(StageMeasurement.of(journey));

        assertThat(measured.keySet())
                .containsExactlyInAnyOrder(
                        "shop.create",
                        "shop.send",
                        "crm.process",
                        "crm.publish",
                        "rabbitmq.queue",
                        "mes.consume",
                        "mes.price",
                        "mes.approve",
                        StageMeasurement.END_TO_END);
        JourneyStage queue = journey.stage("rabbitmq.queue").orElseThrow();
        assertThat(measured.get("rabbitmq.queue").endedAt()).isEqualTo(queue.end());
        assertThat(measured.get("rabbitmq.queue").micros())
                .isEqualTo(queue.duration().toNanos() / 1000);
        assertThat(measured.get(StageMeasurement.END_TO_END).micros())
                .isEqualTo(journey.totalDuration().toNanos() / 1000);
        assertThat(measured.values()).noneMatch(StageMeasurement::error).allMatch(StageMeasurement::slaOk);
    }

    @Test
    void aPricingErrorCountsAtPriceCalculationNotAtTheConsumerThatPassedItOn() {
        OrderJourney journey = assembler
                .assemble(JourneyFixtures.pricingFailed("ORD-2", START))
                .getFirst();
        assertThat(journey.stage("mes.consume").orElseThrow().state())
                .as("the fixture's consumer span failed too")
                .isEqualTo(StageState.ERROR);

        Map<String, StageMeasurement> measured = byStage(StageMeasurement.of(journey));

        assertThat(measured.values().stream().filter(StageMeasurement::error).map(StageMeasurement::stageId))
                .containsExactlyInAnyOrder("mes.price", StageMeasurement.END_TO_END);
        assertThat(measured).doesNotContainKey("mes.approve");
    }

    @Test
    void aPoisonMessageCountsAtTheConsumer() {
        OrderJourney journey =
                assembler.assemble(JourneyFixtures.poisoned("ORD-3", START)).getFirst();

        List<StageMeasurement> failed = StageMeasurement.of(journey).stream()
                .filter(StageMeasurement::error)
                .toList();

        assertThat(failed)
                .extracting(StageMeasurement::stageId)
                .containsExactlyInAnyOrder("mes.consume", StageMeasurement.END_TO_END);
    }

    @Test
    void anOrderStillMovingHasNoEndToEndMeasurementYet() {
        List<com.jewellery.ordertracing.journey.SpanRecord> spans = JourneyFixtures.completed("ORD-4", START).stream()
                .filter(span -> span.service().equals("shop"))
                .toList();
        OrderJourney journey = assembler.assemble(spans).getFirst();

        assertThat(StageMeasurement.of(journey))
                .extracting(StageMeasurement::stageId)
                .containsExactly("shop.create", "shop.send");
    }

    private static Map<String, StageMeasurement> byStage(List<StageMeasurement> measurements) {
        return measurements.stream().collect(Collectors.toMap(StageMeasurement::stageId, m -> m));
    }
}

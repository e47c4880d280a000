package com.jewellery.ordertracing.lost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.jewellery.ordertracing.journey.JourneyOutcome;
import com.jewellery.ordertracing.journey.StageCatalog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The STUCK, LOST and FAILED rules against the default catalog, at a fixed moment. */
class ProblemDetectorTest {

    private static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final StageCatalog CATALOG = StageCatalog.defaults();

    private final ProblemDetector detector = new ProblemDetector(DetectionRules.defaults(CATALOG), CLOCK, Set::of);

    @Test
    void anOrderWithinTheNextStagesSlaIsNotListed() {
        // crm.publish has a 2 s SLA; crm.process ended 1.5 s ago
        OrderSnapshot order = inProgress("crm.process", NOW.minusMillis(1500), NOW.minusSeconds(10));

        assertThat(detector.detect(order)).isEmpty();
    }

    @Test
    void anOrderThatMissedTheNextStagesSlaIsStuckForTheTimeSinceItsLastStage() {
        OrderSnapshot order = inProgress("crm.process", NOW.minusSeconds(3), NOW.minusSeconds(10));

        Optional<OrderProblem> problem = detector.detect(order);

        assertThat(problem).map(OrderProblem::reason).contains(ProblemReason.STUCK);
        assertThat(problem).map(OrderProblem::stuckFor).contains(Duration.ofSeconds(3));
    }

    @Test
    void theSlaIsThatOfTheNextStageNotOfTheLastOne() {
        // after crm.publish comes the queue wait with 60 s; crm.publish's own SLA (2 s) does not matter
        assertThat(detector.detect(inProgress("crm.publish", NOW.minusSeconds(59), NOW.minusSeconds(70))))
                .isEmpty();
        assertThat(detector.detect(inProgress("crm.publish", NOW.minusSeconds(61), NOW.minusSeconds(70))))
                .map(OrderProblem::reason)
                .contains(ProblemReason.STUCK);
    }

    @Test
    void beforeABrokenHopStuckAndLostAreOnlyUnconfirmedButFailedStaysFailed() {
        ProblemDetector brokenToMes =
                new ProblemDetector(DetectionRules.defaults(CATALOG), CLOCK, () -> Set.of("crm.publish"));

        assertThat(brokenToMes.detect(inProgress("crm.publish", NOW.minusSeconds(61), NOW.minusSeconds(70))))
                .map(OrderProblem::reason)
                .contains(ProblemReason.UNCONFIRMED);
        assertThat(brokenToMes.detect(
                        inProgress("crm.publish", NOW.minusSeconds(61), NOW.minus(Duration.ofMinutes(6)))))
                .as("past the end-to-end SLA too")
                .map(OrderProblem::reason)
                .contains(ProblemReason.UNCONFIRMED);
        assertThat(brokenToMes.detect(inProgress("crm.publish", NOW.minusSeconds(59), NOW.minusSeconds(70))))
                .as("within its SLA: not listed at all")
                .isEmpty();
        assertThat(brokenToMes.detect(inProgress("crm.process", NOW.minusSeconds(3), NOW.minusSeconds(10))))
                .as("another stage keeps its reason")
                .map(OrderProblem::reason)
                .contains(ProblemReason.STUCK);
    }

    @Test
    void unconfirmedSwitchedOffLeavesSuchOrdersOffTheList() {
        DetectionRules noUnconfirmed = DetectionRules.from(
                CATALOG,
                Map.of(),
                null,
                Duration.ZERO,
                EnumSet.of(ProblemReason.STUCK, ProblemReason.LOST, ProblemReason.FAILED));
        ProblemDetector detector = new ProblemDetector(noUnconfirmed, CLOCK, () -> Set.of("crm.publish"));

        assertThat(detector.detect(inProgress("crm.publish", NOW.minusSeconds(61), NOW.minusSeconds(70))))
                .isEmpty();
    }

    @Test
    void exactlyAtTheDeadlineIsNotYetStuck() {
        assertThat(detector.detect(inProgress("crm.process", NOW.minusSeconds(2), NOW.minusSeconds(10))))
                .isEmpty();
    }

    @Test
    void anOrderBeyondTheEndToEndSlaIsLostEvenIfItsLastStageIsRecent() {
        OrderSnapshot order = inProgress("mes.consume", NOW.minusSeconds(1), NOW.minus(Duration.ofMinutes(6)));

        assertThat(detector.detect(order)).map(OrderProblem::reason).contains(ProblemReason.LOST);
    }

    @Test
    void aFailedOrderIsFailedWhateverItsAge() {
        OrderSnapshot fresh =
                failed("mes.price", NOW.minusSeconds(1), NOW.minusSeconds(2), "Pricing service timed out");
        OrderSnapshot old =
                failed("mes.consume", NOW.minus(Duration.ofHours(3)), NOW.minus(Duration.ofHours(3)), "dead-lettered");

        assertThat(detector.detect(fresh)).map(OrderProblem::reason).contains(ProblemReason.FAILED);
        assertThat(detector.detect(old)).map(OrderProblem::reason).contains(ProblemReason.FAILED);
    }

    @Test
    void aCompletedOrderIsNeverListedEvenWhenItTookLongerThanAllSlas() {
        OrderSnapshot order = new OrderSnapshot(
                "ORD-1",
                NOW.minus(Duration.ofHours(2)),
                "mes.approve",
                NOW.minus(Duration.ofHours(1)),
                JourneyOutcome.COMPLETED,
                "MANUFACTURING_APPROVED",
                null,
                null);

        assertThat(detector.detect(order)).isEmpty();
    }

    @Test
    void anOrderThatMovesOnLeavesTheListByItself() {
        OrderSnapshot stuck = inProgress("crm.process", NOW.minusSeconds(30), NOW.minusSeconds(40));
        OrderSnapshot movedOn = inProgress("crm.publish", NOW.minusSeconds(1), NOW.minusSeconds(40));

        assertThat(detector.detect(stuck)).isPresent();
        assertThat(detector.detect(movedOn)).isEmpty();
    }

    @Test
    void theGraceAndStageSlasComeFromConfiguration() {
        DetectionRules rules = DetectionRules.from(
                CATALOG,
                Map.of("crm.publish", Duration.ofSeconds(20)),
                null,
                Duration.ofSeconds(5),
                EnumSet.allOf(ProblemReason.class));
        ProblemDetector configured = new ProblemDetector(rules, CLOCK, Set::of);

        assertThat(configured.detect(inProgress("crm.process", NOW.minusSeconds(24), NOW.minusSeconds(30))))
                .isEmpty();
        assertThat(configured.detect(inProgress("crm.process", NOW.minusSeconds(26), NOW.minusSeconds(30))))
                .map(OrderProblem::reason)
                .contains(ProblemReason.STUCK);
    }

    @Test
    void aDisabledReasonFallsThroughToTheNextRule() {
        DetectionRules onlyStuck = DetectionRules.from(
                CATALOG, Map.of(), Duration.ofMinutes(1), Duration.ZERO, EnumSet.of(ProblemReason.STUCK));
        ProblemDetector configured = new ProblemDetector(onlyStuck, CLOCK, Set::of);

        OrderSnapshot old = inProgress("crm.process", NOW.minusSeconds(120), NOW.minusSeconds(130));
        assertThat(configured.detect(old)).map(OrderProblem::reason).contains(ProblemReason.STUCK);
        assertThat(configured.detect(failed("crm.process", NOW.minusSeconds(1), NOW.minusSeconds(5), "boom")))
                .isEmpty();
    }

    @Test
    void nothingIsExpectedAfterATerminalStageOrAnUnknownStage() {
        DetectionRules rules = DetectionRules.defaults(CATALOG);

        assertThat(rules.allowanceAfter("mes.approve")).isEmpty();
        assertThat(rules.allowanceAfter("billing.invoice")).isEmpty();
        assertThat(rules.allowanceAfter(null)).contains(Duration.ofSeconds(2));
    }

    @Test
    void anOrderWithNoStageYetIsMeasuredFromItsFirstSpan() {
        OrderSnapshot order = new OrderSnapshot(
                "ORD-2", NOW.minusSeconds(5), null, null, JourneyOutcome.IN_PROGRESS, null, null, null);

        assertThat(detector.detect(order)).map(OrderProblem::stuckFor).contains(Duration.ofSeconds(5));
    }

    @Test
    void theErrorSummaryIsTheFirstLineWithItsStage() {
        OrderProblem problem = detector.detect(failed("mes.price", NOW, NOW, "Pricing failed\n\tat Pricing.java:12"))
                .orElseThrow();

        assertThat(problem.errorSummary()).isEqualTo("mes.price: Pricing failed");
    }

    @Test
    void slasForUnknownStagesOrNonPositiveSlasAreRejectedWithTheReason() {
        assertThatThrownBy(() -> DetectionRules.from(
                        CATALOG,
                        Map.of("mes.pricing", Duration.ofSeconds(1)),
                        null,
                        Duration.ZERO,
                        EnumSet.allOf(ProblemReason.class)))
                .hasMessageContaining("unknown stage mes.pricing");
        assertThatThrownBy(() -> DetectionRules.from(
                        CATALOG,
                        Map.of("mes.price", Duration.ZERO),
                        null,
                        Duration.ZERO,
                        EnumSet.allOf(ProblemReason.class)))
                .hasMessageContaining("SLA of stage mes.price must be positive");
    }

    private static OrderSnapshot inProgress(String lastStage, Instant endedAt, Instant firstSeen) {
        return new OrderSnapshot("ORD-1", firstSeen, lastStage, endedAt, JourneyOutcome.IN_PROGRESS, null, null, null);
    }

    private static OrderSnapshot failed(String stage, Instant endedAt, Instant firstSeen, String message) {
        return new OrderSnapshot("ORD-1", firstSeen, stage, endedAt, JourneyOutcome.FAILED, null, stage, message);
    }
}

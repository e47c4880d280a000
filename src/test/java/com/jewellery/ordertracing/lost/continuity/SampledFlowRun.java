package com.jewellery.ordertracing.lost.continuity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jewellery.orderflow.instrumentation.ConsumerStyle;
import com.jewellery.orderflow.instrumentation.Outcome;
import com.jewellery.orderflow.instrumentation.SamplingMode;
import com.jewellery.orderflow.scenario.GroundTruth;
import com.jewellery.orderflow.scenario.SentOrder;
import com.jewellery.ordertracing.lost.LostOrderQueries;
import com.jewellery.ordertracing.lost.OrderProblem;
import com.jewellery.ordertracing.lost.ProblemDetector;
import com.jewellery.ordertracing.lost.ProblemFilter;
import com.jewellery.ordertracing.lost.ProblemReason;
import com.jewellery.ordertracing.lost.ProblemSort;
import com.jewellery.ordertracing.support.GeneratedOrders;
import com.jewellery.ordertracing.support.IndexCaughtUp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A 10 % plan played on the real stack with linked MES consumers (each MES trace starts anew), indexed into
 * a schema of the subclass's own; what the lost-orders list then says, against the ground truth. The
 * continuity is measured over every order of that schema, so only the run's own orders are kept there.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SampledFlowRun {

    private static final String MIX = "ok=6,lost=1,stuck=1,pricing_error=1,poison=1";

    @Autowired
    ContinuityMonitor continuity;

    @Autowired
    ProblemDetector detector;

    @Autowired
    LostOrderQueries queries;

    @Autowired
    private JdbcTemplate jdbc;

    GroundTruth truth;
    ProblemFilter run;

    abstract SamplingMode sampling();

    /** How the MES consumer relates to the CRM's publish: a new linked trace unless a subclass says otherwise. */
    ConsumerStyle consumerStyle() {
        return ConsumerStyle.LINK;
    }

    @BeforeAll
    void playTenPercentWithLinkedConsumers() throws Exception {
        truth = GeneratedOrders.playSampled(400, MIX, 100, 1601, List.of(consumerStyle()), sampling(), 0.1);
        run = new ProblemFilter(null, null, null, null, null, "ORD-" + truth.runId() + "-");
        long sampled = truth.orders().stream().filter(SentOrder::sampled).count();
        assertThat(sampled).as("about 10 % sampled at the shop").isBetween(15L, 80L);
        IndexCaughtUp.afterPlay(jdbc, truth, Duration.ofSeconds(90));
        AtomicLong previous = new AtomicLong(-1);
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(500))
                .during(Duration.ofSeconds(3))
                .until(() -> {
                    long indexed = indexedOrders();
                    return indexed >= sampled && indexed == previous.getAndSet(indexed);
                });
        // traces of the tests just before, still within the indexer's first windows, would blur the measurement
        jdbc.update("DELETE FROM order_journey WHERE order_id NOT LIKE ?", run.orderIdPrefix() + "%");
    }

    /** The list past the queue wait's SLA (60 s) plus grace: every stopped order is late by the SLAs alone. */
    List<OrderProblem> listedOnceEveryStoppedOrderIsLate() {
        Instant at = truth.finishedAt()
                .plus(Duration.ofSeconds(60))
                .plus(detector.rules().grace())
                .plusSeconds(5);
        return queries.page(detector.deadlinesAt(at), run, ProblemSort.LONGEST_STUCK_FIRST, 0, 1000);
    }

    /** Listed stuck or lost orders that really did not complete, of all listed stuck or lost: must be all. */
    void assertEveryStuckOrLostOrderIsReallyUnfinishedAndEverySampledStuckOneIsListed(List<OrderProblem> listed) {
        Map<String, Outcome> outcomeOf = truth.orders().stream()
                .collect(Collectors.toMap(
                        sent -> sent.order().orderId(), sent -> sent.order().outcome()));
        List<OrderProblem> stuckOrLost = listed.stream()
                .filter(problem -> problem.reason() == ProblemReason.STUCK || problem.reason() == ProblemReason.LOST)
                .toList();
        long right = stuckOrLost.stream()
                .filter(problem -> !outcomeOf.get(problem.order().orderId()).completes())
                .count();
        Set<String> sampledStuck = truth.orders().stream()
                .filter(sent -> sent.sampled() && sent.order().outcome() == Outcome.STUCK)
                .map(sent -> sent.order().orderId())
                .collect(Collectors.toSet());
        System.out.printf(
                "[continuity, %s %s] stuck or lost listed: %d, of them really unfinished: %d; unconfirmed: %d;"
                        + " sampled stuck orders: %d%n",
                sampling().key(),
                consumerStyle().key(),
                stuckOrLost.size(),
                right,
                listed.stream()
                        .filter(problem -> problem.reason() == ProblemReason.UNCONFIRMED)
                        .count(),
                sampledStuck.size());
        assertThat(right).as("precision 100 %").isEqualTo(stuckOrLost.size());
        assertThat(stuckOrLost)
                .extracting(problem -> problem.order().orderId())
                .as("recall of sampled stuck orders")
                .containsAll(sampledStuck);
    }

    /** What a sampling that keeps traces whole must give: every hop whole, nothing unconfirmed, an exact list. */
    void assertEveryHopIsWholeAndNothingIsUnconfirmed() {
        TraceContinuity measured = continuity.current();
        List<OrderProblem> listed = listedOnceEveryStoppedOrderIsLate();

        assertThat(measured.broken()).isEmpty();
        assertThat(hop(measured, "crm.publish").knownCrossings())
                .as("enough orders to judge")
                .isGreaterThanOrEqualTo(5);
        assertThat(hop(measured, "crm.publish").share()).isEqualTo(1.0);
        assertThat(listed).noneMatch(problem -> problem.reason() == ProblemReason.UNCONFIRMED);
        assertEveryStuckOrLostOrderIsReallyUnfinishedAndEverySampledStuckOneIsListed(listed);
    }

    static HopContinuity hop(TraceContinuity measured, String upstreamStage) {
        return measured.hops().stream()
                .filter(hop -> hop.hop().upstreamStage().equals(upstreamStage))
                .findFirst()
                .orElseThrow();
    }

    private long indexedOrders() {
        Long count = jdbc.queryForObject(
                "SELECT count(*) FROM order_journey WHERE order_id LIKE ?", Long.class, run.orderIdPrefix() + "%");
        return count == null ? 0 : count;
    }
}

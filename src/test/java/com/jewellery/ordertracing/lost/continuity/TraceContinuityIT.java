package com.jewellery.ordertracing.lost.continuity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jewellery.orderflow.instrumentation.ConsumerStyle;
import com.jewellery.orderflow.scenario.GroundTruth;
import com.jewellery.orderflow.instrumentation.Outcome;
import com.jewellery.orderflow.scenario.SentOrder;
import com.jewellery.ordertracing.lost.LostOrderQueries;
import com.jewellery.ordertracing.lost.OrderProblem;
import com.jewellery.ordertracing.lost.ProblemDetector;
import com.jewellery.ordertracing.lost.ProblemFilter;
import com.jewellery.ordertracing.lost.ProblemReason;
import com.jewellery.ordertracing.lost.ProblemSort;
import com.jewellery.ordertracing.support.GeneratedOrders;
import com.jewellery.ordertracing.support.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * The 10 % plan as a company would follow it, on the real stack: ratio sampling, and an MES consumer that
 * starts a new trace with a link (so its traces get their own sampling decision). The portal must find
 * the broken CRM → MES hop from the data alone, name it, and list the orders that stopped just before it
 * as not confirmed instead of stuck or lost; orders stopped before a whole hop keep their reason.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestPropertySource(properties = {
        "server.port=0",
        "spring.datasource.url=jdbc:postgresql://127.0.0.1:15432/portal_test?currentSchema=continuity_it",
        "spring.flyway.schemas=continuity_it",
        "portal.index.enabled=true",
        "portal.index.interval=500ms",
        "portal.index.lag=0s",
        "portal.index.overlap=2m",
        "portal.index.initial-lookback=2m",
        "portal.index.lock-key=727506",
        "portal.lost.continuity.min-orders=5",
        "portal.lost.continuity.refresh=0s"})
class TraceContinuityIT {

    private static final String MIX = "ok=6,lost=1,stuck=1,pricing_error=1,poison=1";

    @Autowired
    private ContinuityMonitor continuity;
    @Autowired
    private ProblemDetector detector;
    @Autowired
    private LostOrderQueries queries;
    @Autowired
    private JdbcTemplate jdbc;

    private GroundTruth truth;
    private ProblemFilter run;

    @BeforeAll
    void playTenPercentWithLinkedConsumers() throws Exception {
        truth = GeneratedOrders.playSampled(400, MIX, 100, 1601, List.of(ConsumerStyle.LINK), 0.1);
        run = new ProblemFilter(null, null, null, null, null, "ORD-" + truth.runId() + "-");
        long sampled = truth.orders().stream().filter(SentOrder::sampled).count();
        assertThat(sampled).as("about 10 % sampled at the shop").isBetween(15L, 80L);
        AtomicLong previous = new AtomicLong(-1);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).during(Duration.ofSeconds(3))
                .until(() -> {
                    long indexed = indexedOrders();
                    return indexed >= sampled && indexed == previous.getAndSet(indexed);
                });
    }

    @Test
    void theCrmToMesHopIsNamedBrokenAndTheShopToCrmHopIsWhole() {
        TraceContinuity measured = continuity.current();

        HopContinuity toMes = hop(measured, "crm.publish");
        System.out.printf("[continuity] crm -> mes: %d crossed, %d seen only in MES, share %.2f%n", toMes.crossed(),
                toMes.downstreamOnly(), toMes.share());
        assertThat(toMes.broken()).isTrue();
        assertThat(toMes.hop().downstreamService()).isEqualTo("mes");
        assertThat(toMes.share()).isLessThan(0.5);
        assertThat(hop(measured, "shop.send").broken()).isFalse();
        assertThat(hop(measured, "shop.send").share()).isEqualTo(1.0);
        assertThat(measured.unconfirmedAfter()).containsExactly("crm.publish");
    }

    @Test
    void ordersStoppedBeforeTheBrokenHopAreNotConfirmedAndTheRestKeepTheirReason() {
        // past the queue wait's SLA (60 s) plus grace: every stopped order would be stuck by the SLAs alone
        Instant at = truth.finishedAt().plus(Duration.ofSeconds(60)).plus(detector.rules().grace()).plusSeconds(5);
        List<OrderProblem> listed = queries.page(detector.deadlinesAt(at), run, ProblemSort.LONGEST_STUCK_FIRST, 0,
                1000);

        assertThat(listed).filteredOn(problem -> "crm.publish".equals(problem.order().lastStage()))
                .isNotEmpty().allSatisfy(problem -> assertThat(problem.reason()).isEqualTo(ProblemReason.UNCONFIRMED));
        Map<String, Outcome> outcomeOf = truth.orders().stream()
                .collect(Collectors.toMap(sent -> sent.order().orderId(), sent -> sent.order().outcome()));
        List<OrderProblem> stuckOrLost = listed.stream()
                .filter(problem -> problem.reason() == ProblemReason.STUCK || problem.reason() == ProblemReason.LOST)
                .toList();
        long right = stuckOrLost.stream().filter(problem -> !outcomeOf.get(problem.order().orderId()).completes())
                .count();
        Set<String> sampledStuck = truth.orders().stream()
                .filter(sent -> sent.sampled() && sent.order().outcome() == Outcome.STUCK)
                .map(sent -> sent.order().orderId()).collect(Collectors.toSet());
        System.out.printf("[continuity] stuck or lost listed: %d, of them really unfinished: %d; unconfirmed: %d;"
                        + " sampled stuck orders: %d%n", stuckOrLost.size(), right,
                listed.stream().filter(problem -> problem.reason() == ProblemReason.UNCONFIRMED).count(),
                sampledStuck.size());
        assertThat(right).as("precision 100 %").isEqualTo(stuckOrLost.size());
        assertThat(stuckOrLost).extracting(problem -> problem.order().orderId()).as("recall of sampled stuck orders")
                .containsAll(sampledStuck);
    }

    @Test
    void anUnconfirmedOrderIsNoStuckCountForTheAlerts() {
        Instant at = truth.finishedAt().plus(Duration.ofMinutes(10));

        assertThat(queries.countByStageAndReason(detector.deadlinesAt(at), run.withStage("crm.publish")))
                .isNotEmpty()
                .allSatisfy(count -> assertThat(count.reason()).isEqualTo(ProblemReason.UNCONFIRMED));
    }

    private static HopContinuity hop(TraceContinuity measured, String upstreamStage) {
        return measured.hops().stream().filter(hop -> hop.hop().upstreamStage().equals(upstreamStage)).findFirst()
                .orElseThrow();
    }

    private long indexedOrders() {
        Long count = jdbc.queryForObject("SELECT count(*) FROM order_journey WHERE order_id LIKE ?", Long.class,
                run.orderIdPrefix() + "%");
        return count == null ? 0 : count;
    }
}

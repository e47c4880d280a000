package com.jewellery.ordertracing.lost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jewellery.orderflow.instrumentation.Outcome;
import com.jewellery.orderflow.scenario.GroundTruth;
import com.jewellery.orderflow.scenario.SentOrder;
import com.jewellery.ordertracing.support.GeneratedOrders;
import com.jewellery.ordertracing.support.IndexCaughtUp;
import com.jewellery.ordertracing.support.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * The whole chain against the generator's ground truth: the real order flow writes traces to the real
 * Jaeger, the portal's background indexer fills its own schema, and the lost-orders list must name
 * exactly the orders the generator made stuck, lost or failed, with the right reason. Precision and
 * recall are printed and must both be 100 %.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestPropertySource(
        properties = {
            "server.port=0",
            "spring.datasource.url=jdbc:postgresql://127.0.0.1:15432/portal_test?currentSchema=lost_gt_it",
            "spring.flyway.schemas=lost_gt_it",
            "portal.index.enabled=true",
            "portal.index.interval=500ms",
            "portal.index.lag=0s",
            "portal.index.overlap=2m",
            "portal.index.initial-lookback=2m",
            "portal.index.lock-key=727505",
            // sampled runs of other tests (TraceContinuityIT) may be indexed into this schema too and break the
            // CRM -> MES hop; this test checks the SLA rules against fully sampled orders, so no hop is judged
            "portal.lost.continuity.min-orders=1000000000"
        })
class LostOrdersGroundTruthIT {

    /** What support is promised: a failed order is on the list within a minute. */
    private static final Duration DETECTION_LIMIT = Duration.ofSeconds(60);
    /** How long the set-up waits: well past the promise, so a slow detection fails the test below, not the wait. */
    private static final Duration WAIT_LIMIT = Duration.ofMinutes(3);

    private static final Set<Outcome> FAILING = Set.of(Outcome.PRICING_ERROR, Outcome.POISON);
    private static final Set<Outcome> NEVER_DONE = Set.of(Outcome.LOST, Outcome.STUCK);

    @Autowired
    private LostOrderQueries queries;

    @Autowired
    private DetectionRules rules;

    @Autowired
    private JdbcTemplate jdbc;

    private GroundTruth truth;
    private ProblemFilter run;
    private Duration detectionLag;

    @BeforeAll
    void playEveryOutcomeAndWaitForTheIndex() throws Exception {
        truth = GeneratedOrders.play(70, GeneratedOrders.EVERY_OUTCOME, 50, 5005);
        assertThat(truth.orders()).allMatch(SentOrder::accepted).allMatch(SentOrder::sampled);
        assertThat(truth.orders()).extracting(sent -> sent.order().outcome()).contains(Outcome.values());
        run = new ProblemFilter(null, null, null, null, null, "ORD-" + truth.runId() + "-");
        // what support sees in real time: every failed order, as soon as the indexer has read it
        await().atMost(WAIT_LIMIT)
                .pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> assertThat(listed(Instant.now()).keySet()).containsAll(ids(FAILING)));
        // measured from the moment the generator sent its last order, not from when this method got control back
        detectionLag = Duration.between(truth.finishedAt(), Instant.now());
        // every order seen is not every span read: the list below is judged on whole journeys
        IndexCaughtUp.afterPlay(jdbc, truth, WAIT_LIMIT);
        await().atMost(WAIT_LIMIT)
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() ->
                        assertThat(indexedOrders()).isEqualTo(truth.orders().size()));
    }

    @Test
    void onceTheEndToEndSlaHasPassedTheListIsExactlyTheOrdersThatNeverCompleted() {
        Map<String, ProblemReason> listed =
                listed(truth.finishedAt().plus(rules.endToEndSla()).plusSeconds(60));

        Map<String, ProblemReason> expected = new HashMap<>();
        ids(FAILING).forEach(id -> expected.put(id, ProblemReason.FAILED));
        ids(NEVER_DONE).forEach(id -> expected.put(id, ProblemReason.LOST));
        report("after the end-to-end SLA", listed, expected);
        assertThat(listed).isEqualTo(expected);
    }

    @Test
    void beforeThatTheOrdersThatStoppedAreStuckAtTheirLastStage() {
        // the queue wait has the longest stage SLA (60 s): past it plus grace, both kinds of stopped orders are stuck
        Instant at = truth.finishedAt()
                .plus(Duration.ofSeconds(60))
                .plus(rules.grace())
                .plusSeconds(5);
        List<OrderProblem> problems = queries.page(rules.at(at), run, ProblemSort.LONGEST_STUCK_FIRST, 0, 1000);
        Map<String, ProblemReason> listed = problems.stream()
                .collect(Collectors.toMap(problem -> problem.order().orderId(), OrderProblem::reason));

        Map<String, ProblemReason> expected = new HashMap<>();
        ids(FAILING).forEach(id -> expected.put(id, ProblemReason.FAILED));
        ids(NEVER_DONE).forEach(id -> expected.put(id, ProblemReason.STUCK));
        report("after the longest stage SLA", listed, expected);
        assertThat(listed).isEqualTo(expected);
        Set<String> lostInQueue = ids(Set.of(Outcome.LOST));
        assertThat(problems)
                .filteredOn(problem -> lostInQueue.contains(problem.order().orderId()))
                .allSatisfy(problem -> assertThat(problem.order().lastStage()).isEqualTo("crm.publish"));
    }

    @Test
    void failedOrdersWereListedWithinAMinuteOfThePlay() {
        System.out.printf(
                "[ground truth] failed orders listed %d ms after the generator finished%n", detectionLag.toMillis());
        assertThat(detectionLag).isLessThan(DETECTION_LIMIT);
    }

    private Map<String, ProblemReason> listed(Instant at) {
        return queries.page(rules.at(at), run, ProblemSort.LONGEST_STUCK_FIRST, 0, 1000).stream()
                .collect(Collectors.toMap(problem -> problem.order().orderId(), OrderProblem::reason));
    }

    private Set<String> ids(Set<Outcome> outcomes) {
        return truth.orders().stream()
                .filter(sent -> outcomes.contains(sent.order().outcome()))
                .map(sent -> sent.order().orderId())
                .collect(Collectors.toSet());
    }

    private long indexedOrders() {
        Long count = jdbc.queryForObject(
                "SELECT count(DISTINCT order_id) FROM order_journey WHERE order_id LIKE ?",
                Long.class,
                run.orderIdPrefix() + "%");
        return count == null ? 0 : count;
    }

    private static void report(String when, Map<String, ProblemReason> listed, Map<String, ProblemReason> expected) {
        Set<String> truePositives = new HashSet<>(listed.keySet());
        truePositives.retainAll(expected.keySet());
        long rightReason = truePositives.stream()
                .filter(id -> listed.get(id) == expected.get(id))
                .count();
        double precision = listed.isEmpty() ? 1 : (double) truePositives.size() / listed.size();
        double recall = expected.isEmpty() ? 1 : (double) truePositives.size() / expected.size();
        System.out.printf(
                "[ground truth] %s: %d listed, %d expected, precision %.1f %%, recall %.1f %%,"
                        + " right reason %d of %d%n",
                when, listed.size(), expected.size(), precision * 100, recall * 100, rightReason, truePositives.size());
    }
}

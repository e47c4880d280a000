package com.jewellery.ordertracing.incidents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jewellery.orderflow.instrumentation.Outcome;
import com.jewellery.orderflow.scenario.GroundTruth;
import com.jewellery.orderflow.scenario.SentOrder;
import com.jewellery.ordertracing.incidents.api.LinkedOrder;
import com.jewellery.ordertracing.incidents.domain.IncidentDraft;
import com.jewellery.ordertracing.incidents.domain.Severity;
import com.jewellery.ordertracing.security.Roles;
import com.jewellery.ordertracing.support.CallerContext;
import com.jewellery.ordertracing.support.GeneratedOrders;
import com.jewellery.ordertracing.support.IndexCaughtUp;
import com.jewellery.ordertracing.support.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * The whole chain against the generator's ground truth: the real flow writes traces to the real Jaeger, the
 * indexer fills its own schema, support opens one incident from one pricing-error order and one from one
 * poison message; after a second generated scenario each incident holds exactly the orders of its fault,
 * both runs, both consumer styles (precision and recall printed, both 100 %).
 */
@IntegrationTest
@TestPropertySource(
        properties = {
            "server.port=0",
            "spring.datasource.url=jdbc:postgresql://127.0.0.1:15432/portal_test?currentSchema=incidents_gt_it",
            "spring.flyway.schemas=incidents_gt_it",
            "portal.index.enabled=true",
            "portal.index.interval=500ms",
            "portal.index.lag=0s",
            "portal.index.overlap=2m",
            "portal.index.initial-lookback=2m",
            "portal.index.lock-key=727510",
            "portal.incidents.matcher-interval=1h"
        })
class IncidentMatchingGroundTruthIT {

    private static final Duration INDEX_LIMIT = Duration.ofSeconds(90);

    @Autowired
    IncidentService service;

    @Autowired
    IncidentMatcher matcher;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void eachIncidentTakesExactlyTheFailuresOfItsFault() throws Exception {
        GroundTruth first = GeneratedOrders.playEveryOutcome(20);
        awaitIndexed(first);
        keepOnly(first);
        matcher.match(Instant.now());
        String pricing = open("Pricing errors", one(first, Outcome.PRICING_ERROR));
        String poison = open("Poison messages", one(first, Outcome.POISON));

        GroundTruth second = GeneratedOrders.play(70, GeneratedOrders.EVERY_OUTCOME, 50, 1010);
        awaitIndexed(second);
        keepOnly(first, second);
        assertThat(matcher.match(Instant.now()).skipped()).isFalse();

        check(pricing, ids(Outcome.PRICING_ERROR, first, second), first, second);
        check(poison, ids(Outcome.POISON, first, second), first, second);
    }

    /**
     * Jaeger is shared: orders of other runs from the same minutes are indexed too, and their failures of the
     * same kind rightly join. Precision and recall are counted on the orders of this test's runs; every other
     * attached order must be a failure at the same stage.
     */
    private void check(String key, Set<String> expected, GroundTruth... runs) {
        Set<String> prefixes =
                Stream.of(runs).map(run -> "ORD-" + run.runId() + "-").collect(Collectors.toSet());
        Set<String> attached = as(() -> service.orders(key, 0, 1000)).stream()
                .map(LinkedOrder::orderId)
                .collect(Collectors.toSet());
        Set<String> ours = attached.stream()
                .filter(id -> prefixes.stream().anyMatch(id::startsWith))
                .collect(Collectors.toSet());
        Set<String> right = new HashSet<>(ours);
        right.retainAll(expected);
        System.out.printf(
                "[ground truth] %s: %d of this test's orders attached, %d expected, precision %.1f %%,"
                        + " recall %.1f %%; %d failures of other runs joined%n",
                key,
                ours.size(),
                expected.size(),
                100.0 * right.size() / Math.max(1, ours.size()),
                100.0 * right.size() / Math.max(1, expected.size()),
                attached.size() - ours.size());
        assertThat(ours).isEqualTo(expected);
        String stage = jdbc.queryForObject(
                "SELECT last_stage FROM order_journey WHERE order_id = ?",
                String.class,
                expected.iterator().next());
        for (String other : attached) {
            if (!ours.contains(other)) {
                assertThat(jdbc.queryForMap(
                                "SELECT outcome, last_stage FROM order_journey WHERE order_id = ?"
                                        + " ORDER BY first_seen LIMIT 1",
                                other))
                        .as(other)
                        .containsEntry("outcome", "FAILED")
                        .containsEntry("last_stage", stage);
            }
        }
    }

    private String open(String title, String orderId) {
        return as(() -> service.create(
                new IncidentDraft(title, null, Severity.HIGH, "support", Set.of(), List.of()), List.of(orderId)));
    }

    private static String one(GroundTruth truth, Outcome outcome) {
        return truth.orders().stream()
                .filter(sent -> sent.order().outcome() == outcome)
                .map(sent -> sent.order().orderId())
                .findFirst()
                .orElseThrow();
    }

    private static Set<String> ids(Outcome outcome, GroundTruth... runs) {
        return Stream.of(runs)
                .flatMap(run -> run.orders().stream())
                .filter(sent -> sent.order().outcome() == outcome)
                .map(sent -> sent.order().orderId())
                .collect(Collectors.toSet());
    }

    /**
     * The indexer also read the traces other tests sent just before (its first windows reach back), and
     * their failures would match these incidents as rightly as ours: the schema keeps only these runs.
     */
    private void keepOnly(GroundTruth... runs) {
        String[] prefixes =
                Stream.of(runs).map(run -> "ORD-" + run.runId() + "-%").toArray(String[]::new);
        jdbc.update("DELETE FROM order_journey WHERE NOT (order_id LIKE ANY (?))", (Object) prefixes);
    }

    private void awaitIndexed(GroundTruth truth) {
        assertThat(truth.orders()).allMatch(SentOrder::accepted);
        Set<String> failing = ids(Outcome.PRICING_ERROR, truth);
        failing.addAll(ids(Outcome.POISON, truth));
        IndexCaughtUp.afterPlay(jdbc, truth, INDEX_LIMIT);
        await().atMost(INDEX_LIMIT).pollInterval(Duration.ofMillis(500)).until(() -> {
            Long failed = jdbc.queryForObject(
                    "SELECT count(DISTINCT order_id) FROM order_journey"
                            + " WHERE outcome = 'FAILED' AND order_id LIKE ?",
                    Long.class,
                    "ORD-" + truth.runId() + "-%");
            Long all = jdbc.queryForObject(
                    "SELECT count(DISTINCT order_id) FROM order_journey WHERE order_id LIKE ?",
                    Long.class,
                    "ORD-" + truth.runId() + "-%");
            return failed != null
                    && failed == failing.size()
                    && all != null
                    && all == truth.orders().size();
        });
    }

    private <T> T as(Supplier<T> work) {
        return CallerContext.as("support", Roles.SUPPORT, work);
    }
}

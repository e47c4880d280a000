package com.jewellery.ordertracing.incidents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.jewellery.ordertracing.incidents.api.FailureSuggestion;
import com.jewellery.ordertracing.incidents.api.IncidentConflictException;
import com.jewellery.ordertracing.incidents.api.IncidentDetails;
import com.jewellery.ordertracing.incidents.api.IncidentFilter;
import com.jewellery.ordertracing.incidents.api.IncidentSummary;
import com.jewellery.ordertracing.incidents.api.IncidentTimes;
import com.jewellery.ordertracing.incidents.api.InvalidIncidentException;
import com.jewellery.ordertracing.incidents.api.LinkVia;
import com.jewellery.ordertracing.incidents.api.LinkedOrder;
import com.jewellery.ordertracing.incidents.api.TimelineItem;
import com.jewellery.ordertracing.incidents.api.TimelineKind;
import com.jewellery.ordertracing.incidents.domain.IllegalTransitionException;
import com.jewellery.ordertracing.incidents.domain.IncidentDraft;
import com.jewellery.ordertracing.incidents.domain.IncidentStatus;
import com.jewellery.ordertracing.incidents.domain.Problem;
import com.jewellery.ordertracing.incidents.domain.Severity;
import com.jewellery.ordertracing.lost.JourneyRows;
import com.jewellery.ordertracing.security.Roles;
import com.jewellery.ordertracing.support.CallerContext;
import com.jewellery.ordertracing.support.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Incidents against the real PostgreSQL: concurrent edits, the workflow, the matcher attaching a burst of
 * failures as one timeline entry, failures after resolution, merges, bad input and every role.
 */
@IntegrationTest
class IncidentsIT {

    private static final String SUPPORT = "support";
    private static final String ADMIN = "admin";

    @Autowired
    IncidentService service;

    @Autowired
    IncidentMatcher matcher;

    @Autowired
    IncidentsProperties properties;

    @Autowired
    JdbcTemplate jdbc;

    private JourneyRows rows;

    @BeforeEach
    void ownOrders() {
        rows = new JourneyRows(
                jdbc, "ORD-IT" + UUID.randomUUID().toString().substring(0, 8).toUpperCase() + "-");
    }

    @AfterEach
    void signOutAndForgetOrders() {
        SecurityContextHolder.clearContext();
        rows.deleteAll();
        // incident notifications (no alert) would otherwise wait in the outbox for AlertDeliveryIT's dispatcher
        jdbc.update("DELETE FROM alert_notification WHERE alert_id IS NULL");
    }

    // --- notifications

    @Test
    void openingAndStatusChangesGoToEveryAlertChannelInTheConfiguredLanguage() {
        String key = as(SUPPORT, Roles.SUPPORT, () -> service.create(draft("Notify me"), List.of()));
        as(
                "developer",
                Roles.DEVELOPER,
                () -> service.changeStatus(key, version(key), IncidentStatus.INVESTIGATING, null));

        List<java.util.Map<String, Object>> queued = jdbc.queryForList("""
                SELECT channel, event, subject, body, fields ->> 'incident' AS incident, status FROM alert_notification
                WHERE alert_id IS NULL AND fields ->> 'incident' = ? ORDER BY id""", key);
        // the IT profile configures both channels; notifications speak portal.alerts.language (ru by default)
        assertThat(queued)
                .extracting(row -> row.get("channel") + " " + row.get("event"))
                .containsExactlyInAnyOrder(
                        "WEBHOOK INCIDENT_OPENED",
                        "EMAIL INCIDENT_OPENED",
                        "WEBHOOK INCIDENT_STATUS",
                        "EMAIL INCIDENT_STATUS");
        assertThat(queued).allSatisfy(row -> assertThat(row.get("status")).isEqualTo("PENDING"));
        assertThat(queued.getFirst().get("subject").toString())
                .isEqualTo("[Портал заказов] ИНЦИДЕНТ " + key + " открыт (Высокая): Notify me");
        assertThat(queued.getLast().get("subject").toString()).contains("Разбор → Расследование");
        assertThat(queued.getLast().get("body").toString())
                .contains("/incidents/" + key)
                .contains("developer");
    }

    @Test
    void aRefusedChangeSendsNothing() {
        String key = as(SUPPORT, Roles.SUPPORT, () -> service.create(draft("Quiet"), List.of()));
        assertThatThrownBy(() -> as(SUPPORT, Roles.SUPPORT, () -> service.close(key, version(key), null)))
                .isInstanceOf(IllegalTransitionException.class);

        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM alert_notification WHERE fields ->> 'incident' = ?"
                                + " AND event = 'INCIDENT_STATUS'",
                        Long.class,
                        key))
                .isZero();
    }

    // --- concurrent edits

    @Test
    void aSaveBasedOnAnOlderReadIsRefusedNamingWhoChangedItAndWhen() {
        String key = as(SUPPORT, Roles.SUPPORT, () -> service.create(draft("Prices missing"), List.of()));
        long read = as(SUPPORT, Roles.SUPPORT, () -> service.details(key)).version();

        IncidentDetails first =
                as(SUPPORT, Roles.SUPPORT, () -> service.update(key, read, draft("Prices missing for gold")));

        assertThatThrownBy(() -> as(ADMIN, Roles.ADMIN, () -> service.update(key, read, draft("Admin's title"))))
                .isInstanceOfSatisfying(IncidentConflictException.class, conflict -> {
                    assertThat(conflict.changedBy()).isEqualTo(SUPPORT);
                    assertThat(conflict.changedAt()).isEqualTo(first.updatedAt());
                });
        IncidentDetails now = as(ADMIN, Roles.ADMIN, () -> service.details(key));
        assertThat(now.title()).isEqualTo("Prices missing for gold");
        assertThat(now.version()).isEqualTo(first.version());
        assertThat(as(ADMIN, Roles.ADMIN, () -> service.timeline(key, 0, 50)))
                .extracting(TimelineItem::actor)
                .doesNotContain(ADMIN);
    }

    @Test
    void twoSavesAtTheSameMomentLeaveOneWinnerAndOneConflictNeverASilentOverwrite() throws Exception {
        String key = as(SUPPORT, Roles.SUPPORT, () -> service.create(draft("Race"), List.of()));
        long read = as(SUPPORT, Roles.SUPPORT, () -> service.details(key)).version();
        CountDownLatch start = new CountDownLatch(1);
        List<Object> outcomes = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            List<Future<Object>> saves = new ArrayList<>();
            for (String user : List.of(SUPPORT, ADMIN)) {
                saves.add(pool.submit(() -> {
                    start.await();
                    try {
                        return as(
                                user,
                                user.equals(ADMIN) ? Roles.ADMIN : Roles.SUPPORT,
                                () -> service.update(key, read, draft("Title by " + user)));
                    } catch (IncidentConflictException conflict) {
                        return conflict;
                    }
                }));
            }
            start.countDown();
            for (Future<Object> save : saves) {
                outcomes.add(save.get());
            }
        }
        assertThat(outcomes).filteredOn(IncidentDetails.class::isInstance).hasSize(1);
        assertThat(outcomes)
                .filteredOn(IncidentConflictException.class::isInstance)
                .hasSize(1);
        IncidentDetails winner = (IncidentDetails) outcomes.stream()
                .filter(IncidentDetails.class::isInstance)
                .findFirst()
                .orElseThrow();
        assertThat(as(SUPPORT, Roles.SUPPORT, () -> service.details(key)).title())
                .isEqualTo(winner.title());
        // the loser's timeline entry was rolled back with its save
        assertThat(as(SUPPORT, Roles.SUPPORT, () -> service.timeline(key, 0, 50)))
                .filteredOn(item -> item.kind() == TimelineKind.EDITED)
                .hasSize(1);
    }

    // --- workflow

    @Test
    void theWorkflowRefusesIllegalStepsAndRecordsEveryTransitionAndTheReviewTimes() {
        String key = as(SUPPORT, Roles.SUPPORT, () -> service.create(draft("Workflow"), List.of()));

        assertThatThrownBy(() -> as(SUPPORT, Roles.SUPPORT, () -> service.close(key, version(key), null)))
                .isInstanceOfSatisfying(
                        IllegalTransitionException.class,
                        refused -> assertThat(refused.allowed())
                                .contains(IncidentStatus.INVESTIGATING, IncidentStatus.RESOLVED)
                                .doesNotContain(IncidentStatus.CLOSED));

        as(
                "developer",
                Roles.DEVELOPER,
                () -> service.changeStatus(key, version(key), IncidentStatus.INVESTIGATING, null));
        as("developer", Roles.DEVELOPER, () -> service.changeStatus(key, version(key), IncidentStatus.MITIGATED, null));
        as("developer", Roles.DEVELOPER, () -> service.setRootCause(key, version(key), "Price feed lost PLATINUM_950"));
        as(
                "developer",
                Roles.DEVELOPER,
                () -> service.changeStatus(key, version(key), IncidentStatus.RESOLVED, "Quotes reloaded"));
        IncidentDetails closed = as(SUPPORT, Roles.SUPPORT, () -> service.close(key, version(key), null));
        assertThat(closed.status()).isEqualTo(IncidentStatus.CLOSED);
        assertThat(closed.resolutionNote()).isEqualTo("Quotes reloaded");
        assertThat(closed.rootCause()).isEqualTo("Price feed lost PLATINUM_950");

        IncidentDetails reopened = as(SUPPORT, Roles.SUPPORT, () -> service.reopen(key, version(key), "Back again"));
        assertThat(reopened.status()).isEqualTo(IncidentStatus.INVESTIGATING);
        assertThat(reopened.reopenCount()).isEqualTo(1);
        assertThat(reopened.times().resolvedAt()).isNull();
        assertThat(reopened.times().reopenedAt()).isNotNull();

        List<TimelineItem> timeline = as(SUPPORT, Roles.SUPPORT, () -> service.timeline(key, 0, 50));
        assertThat(timeline.reversed())
                .extracting(TimelineItem::kind)
                .containsExactly(
                        TimelineKind.CREATED,
                        TimelineKind.STATUS,
                        TimelineKind.STATUS,
                        TimelineKind.ROOT_CAUSE,
                        TimelineKind.STATUS,
                        TimelineKind.STATUS,
                        TimelineKind.REOPENED);
        assertThat(timeline.getFirst().body()).isEqualTo("Back again");

        IncidentTimes times = as(
                        "analyst",
                        Roles.ANALYST,
                        () -> service.reviewTimes(
                                reopened.times().createdAt(),
                                reopened.times().createdAt().plusSeconds(1)))
                .stream()
                .filter(t -> t.key().equals(key))
                .findFirst()
                .orElseThrow();
        assertThat(times.timeToAcknowledge()).isNotNull().isGreaterThanOrEqualTo(Duration.ZERO);
        assertThat(times.timeToMitigate()).isGreaterThanOrEqualTo(times.timeToAcknowledge());
        assertThat(times.timeToResolve()).isNull();
        assertThat(times.reopenCount()).isEqualTo(1);
    }

    // --- linking and matching

    @Test
    void aBurstOfMatchingFailuresJoinsAsOneTimelineEntryAndNothingElseJoins() {
        Instant now = Instant.now();
        rows.insert(rows.failed(
                "first",
                now.minusSeconds(60),
                "mes.price",
                now.minusSeconds(50),
                "no price quote for metal GOLD_750 (order " + rows.id("first") + ")"));
        matchUntilDone(now);
        String key = as(SUPPORT, Roles.SUPPORT, () -> service.create(draft("Gold prices"), List.of(rows.id("first"))));
        assertThat(as(SUPPORT, Roles.SUPPORT, () -> service.details(key)).fingerprints())
                .singleElement()
                .asString()
                .contains("no price quote for metal <*> (order <order>)");

        Set<String> alike = new java.util.HashSet<>();
        for (int i = 0; i < 30; i++) {
            String suffix = "alike" + i;
            alike.add(rows.id(suffix));
            rows.insert(rows.failed(
                    suffix,
                    now.minusSeconds(20),
                    "mes.price",
                    now.minusSeconds(10).plusMillis(i),
                    "no price quote for metal " + (i % 2 == 0 ? "SILVER_925" : "PLATINUM_950") + " (order "
                            + rows.id(suffix) + ")"));
        }
        for (int i = 0; i < 5; i++) {
            rows.insert(rows.failed(
                    "other" + i,
                    now.minusSeconds(20),
                    "mes.price",
                    now.minusSeconds(10),
                    "price feed timed out after " + i + " s"));
            rows.insert(rows.failed(
                    "elsewhere" + i,
                    now.minusSeconds(20),
                    "mes.consume",
                    now.minusSeconds(10),
                    "no price quote for metal GOLD_750"));
        }
        Instant later = Instant.now();
        matchUntilDone(later);
        // the scheduled run may have attached them a moment after "later": announce as of a burst window from now
        matcher.announce(Instant.now().plus(properties.burstWindow()));

        List<LinkedOrder> orders = as(SUPPORT, Roles.SUPPORT, () -> service.orders(key, 0, 500));
        Set<String> expected = new java.util.HashSet<>(alike);
        expected.add(rows.id("first"));
        assertThat(orders).extracting(LinkedOrder::orderId).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(orders)
                .filteredOn(order -> alike.contains(order.orderId()))
                .allSatisfy(order -> assertThat(order.via()).isEqualTo(LinkVia.RULE));

        List<TimelineItem> attachedByRule = as(SUPPORT, Roles.SUPPORT, () -> service.timeline(key, 0, 50)).stream()
                .filter(item -> item.kind() == TimelineKind.ORDERS_ATTACHED
                        && item.actor().equals(IncidentMatcher.ACTOR))
                .toList();
        assertThat(attachedByRule).singleElement().satisfies(item -> {
            assertThat(item.orderCount()).isEqualTo(30);
            assertThat(item.sampleIds()).hasSize(5).allMatch(alike::contains);
        });
        assertThat(as(SUPPORT, Roles.SUPPORT, () -> service.incidentsOf(rows.id("alike7"))))
                .extracting(IncidentSummary::key)
                .containsExactly(key);
        // the faults no incident owns are suggested, the owned one is not
        List<FailureSuggestion> suggested = as("analyst", Roles.ANALYST, () -> service.suggestions(50));
        assertThat(suggested).anySatisfy(suggestion -> {
            assertThat(suggestion.summary()).isEqualTo("mes.price · price feed timed out after <*> s");
            assertThat(suggestion.orders()).isGreaterThanOrEqualTo(5);
        });
        assertThat(suggested)
                .noneSatisfy(suggestion -> assertThat(suggestion.summary())
                        .isEqualTo("mes.price · no price quote for metal <*> (order <order>)"));
    }

    @Test
    void allOrdersOfTheLostListMatchingAFilterAreAttachedOnTheServerAsOneEntry() {
        Instant now = Instant.now();
        for (int i = 0; i < 3; i++) {
            rows.insert(rows.failed("lost" + i, now.minusSeconds(40), "mes.price", now.minusSeconds(30), "boom " + i));
        }
        rows.insert(rows.completed("fine", now.minusSeconds(40), now.minusSeconds(30)));
        String key = as(SUPPORT, Roles.SUPPORT, () -> service.create(draft("From the list"), List.of()));
        com.jewellery.ordertracing.lost.ProblemFilter filter = new com.jewellery.ordertracing.lost.ProblemFilter(
                null, com.jewellery.ordertracing.lost.ProblemReason.FAILED, null, null, null, rows.id(""));

        assertThat(as(SUPPORT, Roles.SUPPORT, () -> service.countLost(filter))).isEqualTo(3);
        assertThat(as(SUPPORT, Roles.SUPPORT, () -> service.attachLost(key, filter)))
                .isEqualTo(3);
        assertThat(as(SUPPORT, Roles.SUPPORT, () -> service.orders(key, 0, 10)))
                .extracting(LinkedOrder::orderId)
                .containsExactlyInAnyOrder(rows.id("lost0"), rows.id("lost1"), rows.id("lost2"));
        assertThat(as(SUPPORT, Roles.SUPPORT, () -> service.timeline(key, 0, 10)))
                .filteredOn(item -> item.kind() == TimelineKind.ORDERS_ATTACHED)
                .singleElement()
                .satisfies(item -> assertThat(item.orderCount()).isEqualTo(3));
        assertThatThrownBy(() -> as("developer", Roles.DEVELOPER, () -> service.attachLost(key, filter)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aMatchingFailureAfterResolutionJoinsAndFlagsTheIncidentWithoutReopeningIt() {
        Instant now = Instant.now();
        rows.insert(rows.failed(
                "first",
                now.minusSeconds(60),
                "mes.consume",
                now.minusSeconds(50),
                "order is not valid JSON: expected '{' at character 0"));
        matchUntilDone(now);
        String key = as(SUPPORT, Roles.SUPPORT, () -> service.create(draft("Poison"), List.of(rows.id("first"))));
        as(SUPPORT, Roles.SUPPORT, () -> service.changeStatus(key, version(key), IncidentStatus.RESOLVED, "Fixed"));

        rows.insert(rows.failed(
                "after",
                Instant.now(),
                "mes.consume",
                Instant.now(),
                "order is not valid JSON: expected '{' at character 3"));
        matchUntilDone(Instant.now());

        IncidentDetails resolved = as(SUPPORT, Roles.SUPPORT, () -> service.details(key));
        assertThat(resolved.status()).isEqualTo(IncidentStatus.RESOLVED);
        assertThat(resolved.failuresAfterResolution()).isEqualTo(1);
        assertThat(as(SUPPORT, Roles.SUPPORT, () -> service.orders(key, 0, 10)))
                .extracting(LinkedOrder::orderId)
                .contains(rows.id("after"));
        assertThat(as(SUPPORT, Roles.SUPPORT, () -> service.timeline(key, 0, 10)))
                .anySatisfy(item -> {
                    assertThat(item.kind()).isEqualTo(TimelineKind.FAILURES_AFTER_RESOLUTION);
                    assertThat(item.sampleIds()).containsExactly(rows.id("after"));
                });
    }

    @Test
    void mergingMovesOrdersAndFingerprintsSoNewFailuresJoinTheSurvivor() {
        Instant now = Instant.now();
        rows.insert(rows.failed(
                "a", now.minusSeconds(60), "mes.price", now.minusSeconds(50), "rounding error in quote 17"));
        matchUntilDone(now);
        String source = as(SUPPORT, Roles.SUPPORT, () -> service.create(draft("Rounding"), List.of(rows.id("a"))));
        String target = as(SUPPORT, Roles.SUPPORT, () -> service.create(draft("Quotes"), List.of(rows.id("b"))));

        IncidentDetails merged = as(SUPPORT, Roles.SUPPORT, () -> service.merge(source, version(source), target));
        assertThat(merged.status()).isEqualTo(IncidentStatus.MERGED);
        assertThat(merged.mergedIntoKey()).isEqualTo(target);
        assertThat(merged.fingerprints()).isEmpty();
        assertThat(as(SUPPORT, Roles.SUPPORT, () -> service.orders(target, 0, 10)))
                .extracting(LinkedOrder::orderId)
                .containsExactlyInAnyOrder(rows.id("a"), rows.id("b"));
        assertThat(as(SUPPORT, Roles.SUPPORT, () -> service.timeline(target, 0, 10)))
                .anySatisfy(item -> {
                    assertThat(item.kind()).isEqualTo(TimelineKind.MERGED_FROM);
                    assertThat(item.from()).isEqualTo(source);
                });

        rows.insert(rows.failed("c", Instant.now(), "mes.price", Instant.now(), "rounding error in quote 99"));
        matchUntilDone(Instant.now());
        assertThat(as(SUPPORT, Roles.SUPPORT, () -> service.incidentsOf(rows.id("c"))))
                .extracting(IncidentSummary::key)
                .containsExactly(target);

        assertThatThrownBy(() -> as(SUPPORT, Roles.SUPPORT, () -> service.merge(target, version(target), target)))
                .isInstanceOf(InvalidIncidentException.class);
        assertThatThrownBy(() -> as(SUPPORT, Roles.SUPPORT, () -> service.merge(target, version(target), source)))
                .isInstanceOfSatisfying(
                        InvalidIncidentException.class,
                        invalid -> assertThat(invalid.problems())
                                .extracting(Problem::key)
                                .containsExactly("incident.error.mergeTarget"));
    }

    @Test
    void ordersNotYetIndexedAreLinkedAndShownAsNotSeenWhileTheOthersShowTheirCurrentOutcome() {
        Instant now = Instant.now();
        rows.insert(rows.completed("DONE", now.minusSeconds(30), now.minusSeconds(20)));
        String key = as(SUPPORT, Roles.SUPPORT, () -> service.create(draft("Outcomes"), List.of()));

        int attached = as(
                SUPPORT,
                Roles.SUPPORT,
                () -> service.attach(
                        key,
                        rows.id("DONE") + ", " + rows.id("future") + "\n"
                                + rows.id("DONE").toLowerCase(java.util.Locale.ROOT)));

        // the same order typed in lower case is that order, as the lookup finds it; one not indexed stays as typed
        assertThat(attached).isEqualTo(2);
        assertThat(as(SUPPORT, Roles.SUPPORT, () -> service.orders(key, 0, 10)))
                .extracting(LinkedOrder::orderId, LinkedOrder::seenInTraces)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(rows.id("DONE"), true),
                        org.assertj.core.groups.Tuple.tuple(rows.id("future"), false));
        assertThat(as(SUPPORT, Roles.SUPPORT, () -> service.outcomeCounts(key)))
                .containsEntry(com.jewellery.ordertracing.journey.JourneyOutcome.COMPLETED, 1L)
                .containsEntry(null, 1L);
        assertThat(as(SUPPORT, Roles.SUPPORT, () -> service.detach(key, rows.id("future"))))
                .isTrue();
        assertThat(as(SUPPORT, Roles.SUPPORT, () -> service.timeline(key, 0, 10))
                        .getFirst())
                .satisfies(item -> assertThat(item.kind()).isEqualTo(TimelineKind.ORDERS_DETACHED));
    }

    @Test
    void theListFiltersByStatusSeverityAssigneeStageTextAndOrder() {
        String title = "Filter " + rows.id("");
        String key = as(SUPPORT, Roles.SUPPORT, () -> service.create(draft(title), List.of(rows.id("in"))));
        IncidentFilter exact = new IncidentFilter(
                IncidentStatus.TRIAGE, Severity.HIGH, SUPPORT, "mes.price", title.toLowerCase(), rows.id("in"));

        assertThat(as("analyst", Roles.ANALYST, () -> service.page(exact, 0, 50)))
                .extracting(IncidentSummary::key)
                .containsExactly(key);
        assertThat(as("analyst", Roles.ANALYST, () -> service.count(exact))).isEqualTo(1);
        assertThat(as(
                        "analyst",
                        Roles.ANALYST,
                        () -> service.page(new IncidentFilter(null, null, null, null, key, null), 0, 50)))
                .extracting(IncidentSummary::key)
                .contains(key);
        for (IncidentFilter other : List.of(
                new IncidentFilter(IncidentStatus.INVESTIGATING, null, null, null, title, null),
                new IncidentFilter(null, Severity.LOW, null, null, title, null),
                new IncidentFilter(null, null, "developer", null, title, null),
                new IncidentFilter(null, null, null, "shop.create", title, null),
                new IncidentFilter(null, null, null, null, title, rows.id("out")))) {
            assertThat(as("analyst", Roles.ANALYST, () -> service.count(other)))
                    .as(other.toString())
                    .isZero();
        }
    }

    // --- bad input

    @Test
    void badInputIsRefusedWithTheFieldAndNothingIsWritten() {
        long before = jdbc.queryForObject("SELECT count(*) FROM incident", Long.class);

        assertThatThrownBy(() -> as(
                        SUPPORT,
                        Roles.SUPPORT,
                        () -> service.create(
                                new IncidentDraft("t".repeat(201), null, Severity.HIGH, "nobody", Set.of(), List.of()),
                                List.of("ORD-1", "not an id!"))))
                .isInstanceOfSatisfying(
                        InvalidIncidentException.class,
                        invalid -> assertThat(invalid.problems())
                                .extracting(Problem::field)
                                .containsExactly("title", "assignee", "orders"));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM incident", Long.class))
                .isEqualTo(before);

        String key = as(SUPPORT, Roles.SUPPORT, () -> service.create(draft("Input"), List.of()));
        long entries = as(SUPPORT, Roles.SUPPORT, () -> service.timelineCount(key));
        assertThatThrownBy(() -> as(SUPPORT, Roles.SUPPORT, () -> service.attach(key, "ORD-ok <script>")))
                .isInstanceOf(InvalidIncidentException.class);
        assertThatThrownBy(() -> as(SUPPORT, Roles.SUPPORT, () -> service.comment(key, "x".repeat(10_001))))
                .isInstanceOf(InvalidIncidentException.class);
        assertThat(as(SUPPORT, Roles.SUPPORT, () -> service.timelineCount(key))).isEqualTo(entries);
        assertThat(as(SUPPORT, Roles.SUPPORT, () -> service.orderCount(key))).isZero();
    }

    @Test
    void commentsAreKeptAsTypedAndTheTimelineRefusesChanges() {
        String key = as(SUPPORT, Roles.SUPPORT, () -> service.create(draft("Markup"), List.of()));
        String typed = "<img src=x onerror=alert(1)> клиенту сообщили про " + rows.id("7");

        TimelineItem comment = as("developer", Roles.DEVELOPER, () -> service.comment(key, typed));

        assertThat(comment.body()).isEqualTo(typed);
        assertThatThrownBy(
                        () -> jdbc.update("UPDATE incident_timeline SET body = 'changed' WHERE id = ?", comment.id()))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("DELETE FROM incident_timeline WHERE id = ?", comment.id()))
                .hasMessageContaining("append-only");
    }

    // --- roles, in the service

    @Test
    void analystsReadButChangeNothing() {
        String key = as(SUPPORT, Roles.SUPPORT, () -> service.create(draft("Read only"), List.of()));
        long v = version(key);

        assertThat(as("analyst", Roles.ANALYST, () -> service.details(key)).key())
                .isEqualTo(key);
        assertThat(as("analyst", Roles.ANALYST, () -> service.count(IncidentFilter.NONE)))
                .isPositive();
        List<Runnable> changes = List.of(
                () -> service.create(draft("x"), List.of()),
                () -> service.update(key, v, draft("x")),
                () -> service.comment(key, "x"),
                () -> service.setRootCause(key, v, "x"),
                () -> service.changeStatus(key, v, IncidentStatus.INVESTIGATING, null),
                () -> service.close(key, v, null),
                () -> service.cancel(key, v, null),
                () -> service.reopen(key, v, null),
                () -> service.merge(key, v, key),
                () -> service.attach(key, "ORD-1"),
                () -> service.detach(key, "ORD-1"),
                () -> service.adoptFingerprintOf(key, "ORD-1"));
        for (Runnable change : changes) {
            assertThatThrownBy(() -> as("analyst", Roles.ANALYST, () -> {
                        change.run();
                        return null;
                    }))
                    .isInstanceOf(AccessDeniedException.class);
        }
    }

    @Test
    void developersCommentSetRootCauseAndStatusButDoNotOwnIncidents() {
        String key = as(SUPPORT, Roles.SUPPORT, () -> service.create(draft("Developer"), List.of()));

        as("developer", Roles.DEVELOPER, () -> service.comment(key, "looking"));
        as("developer", Roles.DEVELOPER, () -> service.changeStatus(key, version(key), IncidentStatus.RESOLVED, null));
        for (Runnable owners : List.<Runnable>of(
                () -> service.create(draft("x"), List.of()),
                () -> service.update(key, version(key), draft("x")),
                () -> service.close(key, version(key), null),
                () -> service.reopen(key, version(key), null),
                () -> service.attach(key, "ORD-1"))) {
            assertThatThrownBy(() -> as("developer", Roles.DEVELOPER, () -> {
                        owners.run();
                        return null;
                    }))
                    .isInstanceOf(AccessDeniedException.class);
        }
        assertThat(as(ADMIN, Roles.ADMIN, () -> service.close(key, version(key), "done"))
                        .status())
                .isEqualTo(IncidentStatus.CLOSED);
    }

    @Test
    void nobodyWithoutAPortalRoleSeesIncidents() {
        assertThatThrownBy(() -> service.page(IncidentFilter.NONE, 0, 10))
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
        assertThatThrownBy(() -> as("guest", "GUEST", () -> service.count(IncidentFilter.NONE)))
                .isInstanceOf(AccessDeniedException.class);
    }

    // --- helpers

    private long version(String key) {
        return as(ADMIN, Roles.ADMIN, () -> service.details(key)).version();
    }

    /** Runs the matcher until it ran (not skipped because the scheduled run held the lock). */
    private void matchUntilDone(Instant now) {
        for (int attempt = 0; attempt < 50; attempt++) {
            if (!matcher.match(now).skipped()) {
                return;
            }
            sleep(Duration.ofMillis(200));
        }
        throw new AssertionError("the matcher stayed locked");
    }

    private static IncidentDraft draft(String title) {
        return new IncidentDraft(
                title, "what we know", Severity.HIGH, SUPPORT, Set.of("mes.price"), List.of("pricing"));
    }

    private static <T> T as(String user, String role, Supplier<T> work) {
        return CallerContext.as(user, role, work);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}

package com.jewellery.ordertracing.incidents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.jewellery.ordertracing.audit.AuditEventType;
import com.jewellery.ordertracing.audit.AuditService;
import com.jewellery.ordertracing.incidents.api.AlertStart;
import com.jewellery.ordertracing.incidents.api.IncidentSummary;
import com.jewellery.ordertracing.incidents.api.InvalidIncidentException;
import com.jewellery.ordertracing.incidents.api.LinkedOrder;
import com.jewellery.ordertracing.incidents.api.OpenIncidents;
import com.jewellery.ordertracing.incidents.api.TimelineItem;
import com.jewellery.ordertracing.incidents.api.TimelineKind;
import com.jewellery.ordertracing.incidents.domain.IncidentDraft;
import com.jewellery.ordertracing.incidents.domain.IncidentStatus;
import com.jewellery.ordertracing.incidents.domain.Problem;
import com.jewellery.ordertracing.incidents.domain.Severity;
import com.jewellery.ordertracing.index.store.JourneyRefresher;
import com.jewellery.ordertracing.journey.JourneyAssembler;
import com.jewellery.ordertracing.journey.JourneyOutcome;
import com.jewellery.ordertracing.journey.OrderFlowSpans;
import com.jewellery.ordertracing.journey.SpanRecord;
import com.jewellery.ordertracing.security.Roles;
import com.jewellery.ordertracing.support.CallerContext;
import com.jewellery.ordertracing.support.IntegrationTest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The second round of incidents against the real PostgreSQL: each linked order's outcome kept current by
 * the indexer's write (and by the matcher for a link that raced it), a support agent's open incidents,
 * incidents opened from an alert, who may be assigned, and the timeline read a page at a time.
 */
@IntegrationTest
class IncidentWorkIT {

    private final String prefix =
            "ORD-IW" + UUID.randomUUID().toString().substring(0, 8).toUpperCase() + "-";

    @Autowired
    IncidentService service;

    @Autowired
    IncidentMatcher matcher;

    @Autowired
    LinkedOutcomes linkedOutcomes;

    @Autowired
    JourneyAssembler assembler;

    @Autowired
    AuditService audit;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    Clock clock;

    @AfterEach
    void forgetOrdersAndNotifications() {
        jdbc.update("DELETE FROM order_journey WHERE order_id LIKE ?", prefix + "%");
        jdbc.update("DELETE FROM alert WHERE problem_key LIKE ?", prefix + "%");
        // incident notifications (no alert) would otherwise wait in the outbox for AlertDeliveryIT's dispatcher
        jdbc.update("DELETE FROM alert_notification WHERE alert_id IS NULL");
    }

    // --- outcomes of linked orders

    @Test
    void theIndexerKeepsEachLinkedOrdersOutcomeCurrentInTheTransactionThatWritesTheJourney() {
        String order = prefix + "1";
        String unseen = prefix + "2";
        Instant start = clock.instant().minus(Duration.ofMinutes(10));
        List<SpanRecord> spans = OrderFlowSpans.order(order, start).spans();
        JourneyRefresher indexer = JourneyRefresher.of(jdbc, assembler, linkedOutcomes, clock);
        // first only what the shop and the CRM did: the order is on its way
        indexer.refresh(
                spans.stream().filter(span -> !span.service().equals("mes")).toList());
        String key = support(() -> service.create(draft("Outcomes", null), List.of(order, unseen)));
        assertThat(linkedOutcome(key, order)).isNotEqualTo("COMPLETED").isNotNull();

        // a piece of the indexer that rolls back changes no link
        transactions.executeWithoutResult(status -> {
            indexer.refresh(spans);
            assertThat(linkedOutcome(key, order)).isEqualTo("COMPLETED");
            status.setRollbackOnly();
        });
        assertThat(linkedOutcome(key, order)).isNotEqualTo("COMPLETED");

        transactions.executeWithoutResult(status -> indexer.refresh(spans));
        assertThat(linkedOutcome(key, order)).isEqualTo("COMPLETED");
        Map<JourneyOutcome, Long> counts = support(() -> service.outcomeCounts(key));
        assertThat(counts).containsEntry(JourneyOutcome.COMPLETED, 1L).containsEntry(null, 1L);
        assertThat(counts.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(2);
        // the grid reads the journey's own outcome for its page
        assertThat(support(() -> service.orders(key, 0, 10)))
                .filteredOn(linked -> linked.orderId().equals(order))
                .extracting(LinkedOrder::outcome)
                .containsExactly(JourneyOutcome.COMPLETED);
    }

    @Test
    void aLinkThatReadTheOutcomeBeforeTheIndexersCommitIsBroughtUpToDateByTheMatcher() {
        String order = prefix + "3";
        List<SpanRecord> spans = OrderFlowSpans.order(order, clock.instant().minus(Duration.ofMinutes(10)))
                .spans();
        JourneyRefresher.of(jdbc, assembler, clock).refresh(spans); // written without telling the links
        String key = support(() -> service.create(draft("Race", null), List.of(order)));
        // what a link made during the indexer's transaction holds: the outcome from before its commit
        jdbc.update("UPDATE incident_order SET outcome = 'IN_PROGRESS' WHERE order_id = ?", order);

        matchUntilDone(clock.instant().truncatedTo(ChronoUnit.MICROS));

        assertThat(linkedOutcome(key, order)).isEqualTo("COMPLETED");
    }

    // --- a support agent's home

    @Test
    void openIncidentsListTheCallersOwnFirstThenTheOthersNewestFirstAndNoClosedOnes() {
        String mine = support(() -> service.create(draft("Mine " + prefix, "support"), List.of()));
        String resolvedMine = support(() -> service.create(draft("Resolved " + prefix, "support"), List.of()));
        support(() -> service.changeStatus(
                resolvedMine, service.details(resolvedMine).version(), IncidentStatus.RESOLVED, "fixed"));
        String developers = support(() -> service.create(draft("Developer's " + prefix, "developer"), List.of()));
        String nobodys = support(() -> service.create(draft("Nobody's " + prefix, null), List.of()));

        OpenIncidents open = support(() -> service.openIncidents(100));

        assertThat(open.mine()).extracting(IncidentSummary::key).contains(mine).doesNotContain(resolvedMine);
        assertThat(open.mine())
                .allSatisfy(incident -> assertThat(incident.assignee()).isEqualTo("support"));
        assertThat(open.others()).extracting(IncidentSummary::key).contains(developers, nobodys);
        assertThat(open.others()).extracting(IncidentSummary::key).doesNotContain(mine, resolvedMine);
        List<String> others = open.others().stream().map(IncidentSummary::key).toList();
        assertThat(others.indexOf(nobodys)).isLessThan(others.indexOf(developers)); // newest first
        assertThat(open.mine())
                .allSatisfy(incident -> assertThat(incident.status().isOpen()).isTrue());
        assertThat(open.others())
                .allSatisfy(incident -> assertThat(incident.status().isOpen()).isTrue());
        // the developer's own come first for them
        assertThat(CallerContext.as("developer", Roles.DEVELOPER, () -> service.openIncidents(100))
                        .mine())
                .extracting(IncidentSummary::key)
                .contains(developers);
    }

    // --- from an alert

    @Test
    void anIncidentOpenedFromAnAlertStartsFromItRecordsItAndTakesItsOrder() {
        String order = prefix + "4";
        long alertId = alert("CRITICAL_ERROR", order, "mes.price");

        AlertStart start = support(() -> service.fromAlert(alertId));
        assertThat(start.severity()).isEqualTo(Severity.HIGH);
        assertThat(start.stages()).containsExactly("mes.price");
        assertThat(start.orderIds()).containsExactly(order);
        assertThat(start.ruleName()).isEqualTo("Critical " + prefix);

        String key = support(() -> service.create(
                new IncidentDraft("From the alert", null, start.severity(), null, start.stages(), List.of()),
                start.orderIds(),
                alertId));

        List<TimelineItem> timeline = support(() -> service.timeline(key, 0, 50));
        assertThat(timeline)
                .filteredOn(item -> item.kind() == TimelineKind.FROM_ALERT)
                .singleElement()
                .satisfies(item -> {
                    assertThat(item.from()).isEqualTo(String.valueOf(alertId));
                    assertThat(item.to()).isEqualTo("Critical " + prefix);
                    assertThat(item.body()).contains(order);
                });
        assertThat(support(() -> service.orders(key, 0, 10)))
                .extracting(LinkedOrder::orderId)
                .containsExactly(order);

        // a stage alert names no orders: the form starts with its stage only
        long stuck = alert("STUCK_COUNT", "crm.process", "crm.process");
        AlertStart stage = support(() -> service.fromAlert(stuck));
        assertThat(stage.orderIds()).isEmpty();
        assertThat(stage.stages()).containsExactly("crm.process");
        assertThat(stage.severity()).isEqualTo(Severity.MEDIUM);
    }

    @Test
    void anUnknownAlertIsRefusedAndStoresNothingAndOnlyOwnersMayStartFromAnAlert() {
        long before = jdbc.queryForObject("SELECT count(*) FROM incident", Long.class);
        assertThatThrownBy(() -> support(() -> service.create(draft("No such alert", null), List.of(), -5L)))
                .isInstanceOfSatisfying(
                        InvalidIncidentException.class,
                        refused -> assertThat(refused.problems())
                                .extracting(Problem::key)
                                .containsExactly("incident.error.unknownAlert"));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM incident", Long.class))
                .isEqualTo(before);
        long alertId = alert("CRITICAL_ERROR", prefix + "5", "mes.price");
        assertThatThrownBy(() -> CallerContext.as("developer", Roles.DEVELOPER, () -> service.fromAlert(alertId)))
                .isInstanceOf(AccessDeniedException.class);
    }

    // --- assignees

    @Test
    void assigneesAreTheConfiguredNamesAndEveryoneWhoSignedInAndNobodyElse() {
        String newcomer = "newcomer-" + prefix.toLowerCase();
        assertThat(support(service::assignees))
                .contains("support", "developer", "admin")
                .doesNotContain(newcomer);
        assertThatThrownBy(() -> support(() -> service.create(draft("Unknown assignee", newcomer), List.of())))
                .isInstanceOfSatisfying(
                        InvalidIncidentException.class,
                        refused -> assertThat(refused.problems())
                                .extracting(Problem::key)
                                .containsExactly("incident.error.unknownAssignee"));

        audit.record(newcomer, AuditEventType.SIGN_IN, "test sign-in");

        assertThat(support(service::assignees)).contains(newcomer, "support").isSorted();
        String key = support(() -> service.create(draft("Known now", newcomer), List.of()));
        assertThat(support(() -> service.details(key)).assignee()).isEqualTo(newcomer);
        jdbc.update("DELETE FROM audit_event WHERE username = ?", newcomer);
    }

    // --- the timeline a page at a time

    @Test
    void theTimelineIsReadAPageAtATimeNewestFirstWithoutGapsOrRepeats() {
        String key = support(() -> service.create(draft("Chatty", null), List.of()));
        for (int i = 0; i < 120; i++) {
            int n = i;
            support(() -> service.comment(key, "comment " + n));
        }
        long total = support(() -> service.timelineCount(key));
        assertThat(total).isEqualTo(121); // created + 120 comments

        Set<Long> seen = new HashSet<>();
        Instant previous = Instant.MAX;
        for (int offset = 0; offset < total; offset += 50) {
            int from = offset;
            List<TimelineItem> page = support(() -> service.timeline(key, from, 50));
            assertThat(page).hasSize((int) Math.min(50, total - offset));
            for (TimelineItem item : page) {
                assertThat(seen.add(item.id())).as("entry %s twice", item.id()).isTrue();
                assertThat(item.at()).isBeforeOrEqualTo(previous);
                previous = item.at();
            }
        }
        assertThat(seen).hasSize(121);
    }

    // --- helpers

    private long alert(String kind, String problemKey, String stage) {
        String text = kind.equals("CRITICAL_ERROR") ? "alerts.text.failed" : "alerts.text.stuckAt";
        return jdbc.queryForObject(
                """
                INSERT INTO alert (rule_name, kind, problem_key, summary, summary_key, summary_stage, summary_args,
                    opened_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, now()) RETURNING id""",
                Long.class,
                (kind.equals("CRITICAL_ERROR") ? "Critical " : "Stuck ") + prefix,
                kind,
                problemKey,
                "Order " + problemKey + " failed at " + stage,
                text,
                stage,
                new String[] {problemKey});
    }

    private String linkedOutcome(String key, String orderId) {
        return jdbc.queryForObject(
                "SELECT outcome FROM incident_order WHERE incident_id = ? AND order_id = ?",
                String.class,
                Long.parseLong(key.substring("INC-".length())),
                orderId);
    }

    private void matchUntilDone(Instant now) {
        for (int attempt = 0; attempt < 50; attempt++) {
            if (!matcher.match(now).skipped()) {
                return;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("the matcher stayed locked");
    }

    private static IncidentDraft draft(String title, String assignee) {
        return new IncidentDraft(title, null, Severity.HIGH, assignee, Set.of(), List.of());
    }

    private static <T> T support(Supplier<T> work) {
        return CallerContext.as("support", Roles.SUPPORT, work);
    }
}

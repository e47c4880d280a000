package com.jewellery.ordertracing.incidents;

import com.jewellery.ordertracing.audit.AuditEventType;
import com.jewellery.ordertracing.audit.AuditService;
import com.jewellery.ordertracing.incidents.api.LinkVia;
import com.jewellery.ordertracing.incidents.api.TimelineKind;
import com.jewellery.ordertracing.incidents.domain.AutoAttachRule;
import com.jewellery.ordertracing.incidents.domain.IncidentKeys;
import com.jewellery.ordertracing.incidents.domain.IncidentLimits;
import com.jewellery.ordertracing.incidents.domain.IncidentStatus;
import com.jewellery.ordertracing.lost.LostOrderQueries;
import com.jewellery.ordertracing.lost.OrderSnapshot;
import com.jewellery.ordertracing.security.Roles;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Attaches new failures to the incidents that own their fingerprint. It reads failed orders from the index
 * the way the alerts do (the lost-orders queries), a little behind and with an overlap so late-indexed orders
 * are not missed; each order is fingerprinted once (failure_fingerprint). Attached orders are written to the
 * timeline per burst: one entry with a count and sample ids once {@code burst-window} has passed since the
 * burst's first order. One run at a time across portal instances (advisory lock), all in one transaction.
 */
@Component
class IncidentMatcher {

    /** Who the timeline and the audit log name for what the rule did. */
    static final String ACTOR = "rule";

    private static final Logger log = LoggerFactory.getLogger(IncidentMatcher.class);

    private final LostOrderQueries failures;
    private final FailureFingerprints fingerprints;
    private final IncidentLinks links;
    private final IncidentRepository incidents;
    private final IncidentChanges changes;
    private final IncidentsProperties properties;
    private final TransactionTemplate transaction;
    private final AuditService audit;
    private final IncidentNotifier notifier;
    private final SecurityContextHolderStrategy security;
    private final Clock clock;

    IncidentMatcher(
            LostOrderQueries failures,
            FailureFingerprints fingerprints,
            IncidentLinks links,
            IncidentRepository incidents,
            IncidentChanges changes,
            IncidentsProperties properties,
            TransactionTemplate transaction,
            AuditService audit,
            IncidentNotifier notifier,
            ObjectProvider<SecurityContextHolderStrategy> security,
            Clock clock) {
        this.failures = failures;
        this.fingerprints = fingerprints;
        this.links = links;
        this.incidents = incidents;
        this.changes = changes;
        this.properties = properties;
        this.transaction = transaction;
        this.audit = audit;
        this.notifier = notifier;
        // the strategy method security reads (Vaadin's bean), not whichever one is global in this JVM
        this.security = security.getIfAvailable(SecurityContextHolder::getContextHolderStrategy);
        this.clock = clock;
    }

    @Scheduled(
            fixedDelayString = "${portal.incidents.matcher-interval:15s}",
            initialDelayString = "${portal.incidents.matcher-interval:15s}")
    void scheduled() {
        try {
            Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
            match(now);
            announce(now);
        } catch (RuntimeException e) {
            log.error("The incident matcher failed; it tries again at its next run", e);
        }
    }

    /** What one run did; {@code skipped} when another run held the lock. */
    record Run(boolean skipped, int failuresSeen, int attached, int flagged, int reopened) {}

    Run match(Instant now) {
        return transaction.execute(status -> asSystem(() -> {
            if (!links.tryLockMatcher()) {
                return new Run(true, 0, 0, 0, 0);
            }
            Instant from =
                    links.cursor().orElse(now.minus(properties.matchLookback())).minus(properties.matcherOverlap());
            List<OrderSnapshot> failed = failures.failedBetween(null, from, now, properties.matcherBatch());
            Set<String> known = links.knownFailures(
                    failed.stream().map(OrderSnapshot::orderId).toList());
            List<IncidentLinks.Failure> fresh = links.recordFailures(
                    failed.stream()
                            .filter(order -> !known.contains(order.orderId()))
                            .map(fingerprints::of)
                            .toList(),
                    now);
            Run run = attach(fresh, now);
            links.refreshOutcomesSince(from);
            // Caught up: everything up to now was read, the next run re-reads the overlap for late orders. A full
            // batch: the next run must start at its last order, not an overlap before it, or a burst larger
            // than a batch within the overlap would be read again and again; the cursor is set so that
            // "cursor - overlap" is that order's time.
            links.moveCursor(
                    failed.size() >= properties.matcherBatch()
                            ? failed.getLast().lastMovedAt().plus(properties.matcherOverlap())
                            : now);
            return new Run(false, fresh.size(), run.attached(), run.flagged(), run.reopened());
        }));
    }

    private Run attach(List<IncidentLinks.Failure> fresh, Instant now) {
        Map<String, List<Long>> owners = links.owners(fresh.stream()
                .map(IncidentLinks.Failure::fingerprint)
                .distinct()
                .toList());
        Map<Long, List<IncidentLinks.Failure>> byIncident = new LinkedHashMap<>();
        fresh.forEach(failure -> owners.getOrDefault(failure.fingerprint(), List.of())
                .forEach(id ->
                        byIncident.computeIfAbsent(id, key -> new ArrayList<>()).add(failure)));
        AutoAttachRule rule = properties.rule();
        int attached = 0;
        int flagged = 0;
        int reopened = 0;
        for (Incident incident : incidents.findByIdIn(byIncident.keySet())) {
            List<String> joining = new ArrayList<>();
            List<String> afterResolution = new ArrayList<>();
            boolean reopen = false;
            for (IncidentLinks.Failure failure : byIncident.get(incident.id())) {
                switch (rule.decide(
                        incident.status(),
                        incident.createdAt(),
                        incident.clock().resolvedAt(),
                        failure.failedAt())) {
                    case ATTACH -> joining.add(failure.orderId());
                    case ATTACH_AND_FLAG -> {
                        joining.add(failure.orderId());
                        afterResolution.add(failure.orderId());
                    }
                    case ATTACH_AND_REOPEN -> {
                        joining.add(failure.orderId());
                        afterResolution.add(failure.orderId());
                        reopen = true;
                    }
                    case IGNORE -> {}
                }
            }
            List<String> added = links.attach(incident.id(), joining, now, ACTOR, LinkVia.RULE, false);
            attached += added.size();
            if (!added.isEmpty()) {
                audit.record(
                        ACTOR,
                        AuditEventType.INCIDENT,
                        IncidentKeys.of(incident.id()) + " attached " + added.size() + " orders by fingerprint");
            }
            List<String> newAfter =
                    afterResolution.stream().filter(added::contains).toList();
            if (!newAfter.isEmpty()) {
                changes.record(IncidentChanges.entry(incident, TimelineKind.FAILURES_AFTER_RESOLUTION, now, ACTOR)
                        .orders(
                                newAfter.size(),
                                newAfter.stream()
                                        .limit(IncidentLimits.SAMPLE_IDS)
                                        .toList()));
                if (reopen) {
                    IncidentStatus from = incident.status();
                    changes.reopen(incident, now, ACTOR, null);
                    notifier.statusChanged(incident, from, ACTOR);
                    reopened++;
                } else {
                    incident.addFailuresAfterResolution(newAfter.size());
                    flagged++;
                }
                incident.touched(now, ACTOR);
                log.info(
                        "{}: {} new failures after its resolution ({})",
                        IncidentKeys.of(incident.id()),
                        newAfter.size(),
                        reopen ? "reopened" : "flagged");
                audit.record(
                        ACTOR,
                        AuditEventType.INCIDENT,
                        IncidentKeys.of(incident.id()) + " " + newAfter.size() + " failures after resolution, "
                                + (reopen ? "reopened" : "flagged"));
            }
        }
        return new Run(false, fresh.size(), attached, flagged, reopened);
    }

    /** Writes each burst of rule-attached orders that is {@code burst-window} old to the timeline as one entry. */
    int announce(Instant now) {
        Integer written = transaction.execute(status -> {
            if (!links.tryLockMatcher()) {
                return 0;
            }
            int entries = 0;
            Instant before = now.minus(properties.burstWindow());
            for (IncidentLinks.Unannounced burst : links.unannounced()) {
                if (burst.firstAttachedAt().isAfter(before)) {
                    continue;
                }
                incidents
                        .findById(burst.incidentId())
                        .ifPresent(incident ->
                                changes.record(IncidentChanges.entry(incident, TimelineKind.ORDERS_ATTACHED, now, ACTOR)
                                        .orders(
                                                burst.orderIds().size(),
                                                burst.orderIds().stream()
                                                        .limit(IncidentLimits.SAMPLE_IDS)
                                                        .toList())));
                links.markAnnounced(burst.incidentId(), burst.orderIds());
                entries++;
            }
            return entries;
        });
        return written == null ? 0 : written;
    }

    /**
     * The index's journeys are read through its secured service, as a signed-in reader would: the matcher is
     * a job of the portal, not a person, so it reads as "rule" with the read-only staff role set.
     */
    private <T> T asSystem(Supplier<T> work) {
        SecurityContext previous = security.getContext();
        SecurityContext system = security.createEmptyContext();
        system.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                ACTOR, null, List.of(new SimpleGrantedAuthority(Roles.PREFIX + Roles.STAFF))));
        security.setContext(system);
        try {
            return work.get();
        } finally {
            security.setContext(previous);
        }
    }
}

package com.jewellery.ordertracing.incidents;

import com.jewellery.ordertracing.alerts.AlertRecord;
import com.jewellery.ordertracing.alerts.AlertRuleKind;
import com.jewellery.ordertracing.alerts.AlertService;
import com.jewellery.ordertracing.audit.AuditEventType;
import com.jewellery.ordertracing.audit.AuditService;
import com.jewellery.ordertracing.incidents.api.AlertStart;
import com.jewellery.ordertracing.incidents.api.FailureSuggestion;
import com.jewellery.ordertracing.incidents.api.IncidentConflictException;
import com.jewellery.ordertracing.incidents.api.IncidentDetails;
import com.jewellery.ordertracing.incidents.api.IncidentFilter;
import com.jewellery.ordertracing.incidents.api.IncidentNotFoundException;
import com.jewellery.ordertracing.incidents.api.IncidentSummary;
import com.jewellery.ordertracing.incidents.api.IncidentTimes;
import com.jewellery.ordertracing.incidents.api.InvalidIncidentException;
import com.jewellery.ordertracing.incidents.api.LinkVia;
import com.jewellery.ordertracing.incidents.api.LinkedOrder;
import com.jewellery.ordertracing.incidents.api.OpenIncidents;
import com.jewellery.ordertracing.incidents.api.TimelineItem;
import com.jewellery.ordertracing.incidents.api.TimelineKind;
import com.jewellery.ordertracing.incidents.domain.IllegalTransitionException;
import com.jewellery.ordertracing.incidents.domain.IncidentChecks;
import com.jewellery.ordertracing.incidents.domain.IncidentDraft;
import com.jewellery.ordertracing.incidents.domain.IncidentKeys;
import com.jewellery.ordertracing.incidents.domain.IncidentLimits;
import com.jewellery.ordertracing.incidents.domain.IncidentStatus;
import com.jewellery.ordertracing.incidents.domain.Problem;
import com.jewellery.ordertracing.incidents.domain.Severity;
import com.jewellery.ordertracing.journey.JourneyOutcome;
import com.jewellery.ordertracing.journey.StageCatalog;
import com.jewellery.ordertracing.journey.StageDefinition;
import com.jewellery.ordertracing.lookup.OrderIds;
import com.jewellery.ordertracing.lost.LostOrdersService;
import com.jewellery.ordertracing.lost.OrderProblem;
import com.jewellery.ordertracing.lost.ProblemFilter;
import com.jewellery.ordertracing.lost.ProblemSort;
import com.jewellery.ordertracing.security.Roles;
import com.jewellery.ordertracing.security.Usernames;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Incidents for support, development and the weekly review. Every change checks the workflow and the
 * version the user read, writes the timeline and the audit log in the same transaction: it all happens or
 * none of it does. Who may do what is {@link Roles#INCIDENT_READ}, {@link Roles#INCIDENT_NOTE},
 * {@link Roles#INCIDENT_WORK}.
 */
@Service
public class IncidentService {

    /** Statuses a developer may set; closing, canceling, merging and reopening are the owners'. */
    private static final Set<IncidentStatus> NOTE_TARGETS =
            EnumSet.of(IncidentStatus.INVESTIGATING, IncidentStatus.MITIGATED, IncidentStatus.RESOLVED);

    private static final Sort NEWEST_FIRST = Sort.by(Sort.Direction.DESC, "updatedAt", "id");

    /** Still being worked on: what a support agent's home lists. */
    private static final Set<IncidentStatus> OPEN =
            EnumSet.of(IncidentStatus.TRIAGE, IncidentStatus.INVESTIGATING, IncidentStatus.MITIGATED);

    private final IncidentRepository incidents;
    private final TimelineRepository timeline;
    private final IncidentChanges changes;
    private final IncidentLinks links;
    private final FailureFingerprints fingerprints;
    private final StageCatalog catalog;
    private final IncidentsProperties properties;
    private final AuditService audit;
    private final LostOrdersService lostOrders;
    private final IncidentNotifier notifier;
    private final AlertService alerts;
    private final SecurityContextHolderStrategy security;
    private final Clock clock;

    IncidentService(
            IncidentRepository incidents,
            TimelineRepository timeline,
            IncidentChanges changes,
            IncidentLinks links,
            FailureFingerprints fingerprints,
            StageCatalog catalog,
            IncidentsProperties properties,
            AuditService audit,
            LostOrdersService lostOrders,
            IncidentNotifier notifier,
            AlertService alerts,
            ObjectProvider<SecurityContextHolderStrategy> security,
            Clock clock) {
        this.incidents = incidents;
        this.timeline = timeline;
        this.changes = changes;
        this.links = links;
        this.fingerprints = fingerprints;
        this.catalog = catalog;
        this.properties = properties;
        this.audit = audit;
        this.lostOrders = lostOrders;
        this.notifier = notifier;
        this.alerts = alerts;
        // the strategy method security reads (Vaadin's bean), not whichever one is global in this JVM
        this.security = security.getIfAvailable(SecurityContextHolder::getContextHolderStrategy);
        this.clock = clock;
    }

    // --- reading

    @PreAuthorize(Roles.CAN_INCIDENT_READ)
    @Transactional(readOnly = true)
    public List<IncidentSummary> page(IncidentFilter filter, int offset, int limit) {
        int size = Math.max(1, Math.min(limit, 500));
        List<Incident> found = incidents
                .findAll(IncidentSpecifications.of(filter, links), PageRequest.of(offset / size, size, NEWEST_FIRST))
                .getContent();
        Map<Long, Long> orders =
                links.countOrders(found.stream().map(Incident::id).toList());
        return found.stream()
                .map(incident -> summary(incident, orders.getOrDefault(incident.id(), 0L)))
                .toList();
    }

    @PreAuthorize(Roles.CAN_INCIDENT_READ)
    @Transactional(readOnly = true)
    public long count(IncidentFilter filter) {
        return incidents.count(IncidentSpecifications.of(filter, links));
    }

    @PreAuthorize(Roles.CAN_INCIDENT_READ)
    @Transactional(readOnly = true)
    public IncidentDetails details(String key) {
        return details(find(key));
    }

    @PreAuthorize(Roles.CAN_INCIDENT_READ)
    @Transactional(readOnly = true)
    public List<TimelineItem> timeline(String key, int offset, int limit) {
        int size = Math.max(1, Math.min(limit, 500));
        return timeline.newestFirst(find(key).id(), PageRequest.of(offset / size, size)).stream()
                .map(TimelineEntry::item)
                .toList();
    }

    @PreAuthorize(Roles.CAN_INCIDENT_READ)
    @Transactional(readOnly = true)
    public long timelineCount(String key) {
        return timeline.countByIncident(find(key).id());
    }

    /** The incident's orders, newest attached first, each with its current outcome in the index. */
    @PreAuthorize(Roles.CAN_INCIDENT_READ)
    @Transactional(readOnly = true)
    public List<LinkedOrder> orders(String key, int offset, int limit) {
        return links.orders(find(key).id(), offset, Math.max(1, Math.min(limit, 500)));
    }

    @PreAuthorize(Roles.CAN_INCIDENT_READ)
    @Transactional(readOnly = true)
    public long orderCount(String key) {
        return links.countOrders(find(key).id());
    }

    /** Current outcome → orders; those the index has not seen yet are under null. */
    @PreAuthorize(Roles.CAN_INCIDENT_READ)
    @Transactional(readOnly = true)
    public Map<JourneyOutcome, Long> outcomeCounts(String key) {
        return links.outcomeCounts(find(key).id());
    }

    /** "Which incidents is ORD-… in?" */
    @PreAuthorize(Roles.CAN_INCIDENT_READ)
    @Transactional(readOnly = true)
    public List<IncidentSummary> incidentsOf(String orderId) {
        Optional<String> id = OrderIds.normalize(orderId);
        if (id.isEmpty()) {
            return List.of();
        }
        List<Long> ids = links.incidentsOfOrder(id.get());
        Map<Long, Long> orders = links.countOrders(ids);
        return incidents.findByIdIn(ids).stream()
                .map(incident -> summary(incident, orders.getOrDefault(incident.id(), 0L)))
                .toList();
    }

    /**
     * A support agent's home beside the order lookup: the open incidents assigned to the caller, then the other
     * open ones, each newest first, at most {@code limit} of each.
     */
    @PreAuthorize(Roles.CAN_INCIDENT_READ)
    @Transactional(readOnly = true)
    public OpenIncidents openIncidents(int limit) {
        String user = currentUser();
        PageRequest page = PageRequest.of(0, Math.max(1, Math.min(limit, 100)));
        List<Incident> mine = incidents.openOf(OPEN, user, page);
        List<Incident> others = incidents.openOfOthers(OPEN, user, page);
        Map<Long, Long> orders = links.countOrders(java.util.stream.Stream.concat(mine.stream(), others.stream())
                .map(Incident::id)
                .toList());
        return new OpenIncidents(
                mine.stream()
                        .map(incident -> summary(incident, orders.getOrDefault(incident.id(), 0L)))
                        .toList(),
                others.stream()
                        .map(incident -> summary(incident, orders.getOrDefault(incident.id(), 0L)))
                        .toList());
    }

    /**
     * What an incident opened from this alert starts with: its text as the title, the stage it names, a
     * severity from its kind, and the order it is about when it names one (a single order's critical error;
     * the stuck-count and error-rate alerts keep no list of their orders).
     *
     * @throws InvalidIncidentException when there is no such alert
     */
    @PreAuthorize(Roles.CAN_INCIDENT_WORK)
    @Transactional(readOnly = true)
    public AlertStart fromAlert(long alertId) {
        AlertRecord alert = alerts.alert(alertId)
                .orElseThrow(() -> new InvalidIncidentException(
                        Problem.of("alert", "incident.error.unknownAlert", String.valueOf(alertId))));
        List<String> known = stages();
        Set<String> stages = new LinkedHashSet<>();
        if (alert.text() != null
                && alert.text().stage() != null
                && known.contains(alert.text().stage())) {
            stages.add(alert.text().stage());
        } else if (known.contains(alert.problemKey())) {
            stages.add(alert.problemKey());
        }
        List<String> orderIds = alert.kind() == AlertRuleKind.CRITICAL_ERROR
                ? OrderIds.normalize(alert.problemKey()).stream().toList()
                : List.of();
        Severity severity = switch (alert.kind()) {
            case CRITICAL_ERROR, ERROR_RATE -> Severity.HIGH;
            case STUCK_COUNT -> Severity.MEDIUM;
        };
        return new AlertStart(
                alert.id(),
                alert.ruleName(),
                alert.summary(),
                alert.text(),
                severity,
                stages,
                orderIds,
                alert.openedAt());
    }

    /** Kinds of failure with many recent orders and no incident, most orders first. */
    @PreAuthorize(Roles.CAN_INCIDENT_READ)
    @Transactional(readOnly = true)
    public List<FailureSuggestion> suggestions(int limit) {
        return links.unowned(
                now().minus(properties.suggestionWindow()),
                properties.suggestionMinOrders(),
                Math.max(1, Math.min(limit, 50)));
    }

    /** The weekly review: incidents created in {@code [from, to)} with their times to acknowledge, mitigate, resolve. */
    @PreAuthorize(Roles.CAN_INCIDENT_READ)
    @Transactional(readOnly = true)
    public List<IncidentTimes> reviewTimes(Instant from, Instant to) {
        List<Incident> created = incidents.createdBetween(from, to);
        Map<Long, Long> orders =
                links.countOrders(created.stream().map(Incident::id).toList());
        return created.stream()
                .map(incident -> new IncidentTimes(
                        IncidentKeys.of(incident.id()),
                        incident.severity(),
                        incident.status(),
                        incident.createdAt(),
                        incident.clock().acknowledgedAt(),
                        incident.clock().mitigatedAt(),
                        incident.clock().resolvedAt(),
                        incident.reopenCount(),
                        orders.getOrDefault(incident.id(), 0L)))
                .toList();
    }

    /**
     * Who an incident may be assigned to: the configured names ({@code portal.incidents.assignees}) and everyone
     * who has signed in to the portal (the audit log's sign-ins), sorted; anyone else is refused.
     */
    @PreAuthorize(Roles.CAN_INCIDENT_READ)
    @Transactional(readOnly = true)
    public List<String> assignees() {
        java.util.SortedSet<String> known = new java.util.TreeSet<>(properties.assignees());
        known.addAll(audit.usernamesSignedIn());
        return List.copyOf(known);
    }

    @PreAuthorize(Roles.CAN_INCIDENT_READ)
    public List<String> stages() {
        return catalog.stages().stream().map(StageDefinition::id).toList();
    }

    // --- owners: create, edit, link, close

    /**
     * Opens an incident in TRIAGE, with these orders attached. Each order's failure fingerprint becomes the
     * incident's, so later failures of the same kind join it, and so do those of the last
     * {@code portal.incidents.match-lookback}.
     *
     * @param orderIds as typed; each must be a well-formed order id (not necessarily indexed yet)
     * @return the new incident's key
     */
    @PreAuthorize(Roles.CAN_INCIDENT_WORK)
    @Transactional
    public String create(IncidentDraft draft, Collection<String> orderIds) {
        return create(draft, orderIds, null);
    }

    /**
     * The same, opened from an alert of the history: the alert is the timeline's second entry.
     *
     * @param alertId null when not opened from an alert
     * @throws InvalidIncidentException also when there is no such alert (nothing is stored)
     */
    @PreAuthorize(Roles.CAN_INCIDENT_WORK)
    @Transactional
    public String create(IncidentDraft draft, Collection<String> orderIds, Long alertId) {
        Optional<AlertRecord> alert = alertId == null ? Optional.empty() : alerts.alert(alertId);
        List<Problem> problems = new ArrayList<>(IncidentChecks.draft(draft, assignees(), stages()));
        List<String> ids = links.asIndexed(orderIds(orderIds, problems));
        if (alertId != null && alert.isEmpty()) {
            problems.add(Problem.of("alert", "incident.error.unknownAlert", String.valueOf(alertId)));
        }
        if (!problems.isEmpty()) {
            throw new InvalidIncidentException(problems);
        }
        Instant now = now();
        String user = currentUser();
        Incident fresh = new Incident(draft.title().strip(), draft.severity(), now, user);
        apply(fresh, draft);
        Incident incident = incidents.saveAndFlush(fresh);
        String key = IncidentKeys.of(incident.id());
        record(entry(incident, TimelineKind.CREATED, now, user)
                .change(null, incident.severity().name())
                .body(incident.title()));
        alert.ifPresent(from -> record(entry(incident, TimelineKind.FROM_ALERT, now, user)
                .change(String.valueOf(from.id()), from.ruleName())
                .body(
                        from.summary().length() > IncidentLimits.TEXT_MAX
                                ? from.summary().substring(0, IncidentLimits.TEXT_MAX)
                                : from.summary())));
        attachManually(incident, ids, now, user);
        for (String orderId : ids) {
            adopt(incident, orderId, now, user);
        }
        audit(
                user,
                key,
                "created: " + incident.title()
                        + alert.map(from -> " (from alert " + from.id() + ")").orElse(""));
        notifier.opened(incident, user);
        return key;
    }

    /** Saves the form: title, description, severity, assignee, stages, tags; each change on the timeline. */
    @PreAuthorize(Roles.CAN_INCIDENT_WORK)
    @Transactional
    public IncidentDetails update(String key, long version, IncidentDraft draft) {
        List<Problem> problems = IncidentChecks.draft(draft, assignees(), stages());
        if (!problems.isEmpty()) {
            throw new InvalidIncidentException(problems);
        }
        Incident incident = forChange(key, version);
        Instant now = now();
        String user = currentUser();
        if (incident.severity() != draft.severity()) {
            record(entry(incident, TimelineKind.SEVERITY, now, user)
                    .change(incident.severity().name(), draft.severity().name()));
        }
        String assignee = blankToNull(draft.assignee());
        if (!Objects.equals(incident.assignee(), assignee)) {
            record(entry(incident, TimelineKind.ASSIGNEE, now, user).change(incident.assignee(), assignee));
        }
        List<String> edited = new ArrayList<>();
        if (!incident.title().equals(draft.title().strip())) {
            edited.add("title");
        }
        if (!Objects.equals(incident.description(), blankToNull(draft.description()))) {
            edited.add("description");
        }
        if (!incident.stages().equals(draft.stages())) {
            edited.add("stages");
        }
        if (!Set.copyOf(incident.tags()).equals(Set.copyOf(draft.tags()))) {
            edited.add("tags");
        }
        if (!edited.isEmpty()) {
            record(entry(incident, TimelineKind.EDITED, now, user).change(null, String.join(",", edited)));
        }
        apply(incident, draft);
        return saved(incident, now, user, "edited");
    }

    /** Closes a RESOLVED incident, with an optional resolution note. */
    @PreAuthorize(Roles.CAN_INCIDENT_WORK)
    @Transactional
    public IncidentDetails close(String key, long version, String resolutionNote) {
        return transition(key, version, IncidentStatus.CLOSED, resolutionNote);
    }

    /** Not an incident after all. */
    @PreAuthorize(Roles.CAN_INCIDENT_WORK)
    @Transactional
    public IncidentDetails cancel(String key, long version, String note) {
        return transition(key, version, IncidentStatus.CANCELED, note);
    }

    /** Brings a RESOLVED or CLOSED incident back to INVESTIGATING, recorded as a reopen with the reason. */
    @PreAuthorize(Roles.CAN_INCIDENT_WORK)
    @Transactional
    public IncidentDetails reopen(String key, long version, String reason) {
        checkText("note", reason);
        Incident incident = forChange(key, version);
        Instant now = now();
        String user = currentUser();
        IncidentStatus from = incident.status();
        changes.reopen(incident, now, user, blankToNull(reason));
        IncidentDetails saved = saved(incident, now, user, "reopened");
        notifier.statusChanged(incident, from, user);
        return saved;
    }

    /**
     * Merges this incident into {@code targetKey}: its orders and fingerprints go there, it becomes MERGED.
     *
     * @throws InvalidIncidentException when the target is unknown, itself, or canceled or merged
     */
    @PreAuthorize(Roles.CAN_INCIDENT_WORK)
    @Transactional
    public IncidentDetails merge(String key, long version, String targetKey) {
        Incident incident = forChange(key, version);
        Incident target = IncidentKeys.idOf(targetKey)
                .flatMap(incidents::findById)
                .orElseThrow(() -> new InvalidIncidentException(Problem.of(
                        "merge", "incident.error.unknownIncident", targetKey == null ? "" : targetKey.strip())));
        if (target.id().equals(incident.id())) {
            throw new InvalidIncidentException(Problem.of("merge", "incident.error.mergeSelf"));
        }
        if (target.status() == IncidentStatus.MERGED || target.status() == IncidentStatus.CANCELED) {
            throw new InvalidIncidentException(Problem.of(
                    "merge",
                    "incident.error.mergeTarget",
                    IncidentKeys.of(target.id()),
                    target.status().name()));
        }
        Instant now = now();
        String user = currentUser();
        IncidentStatus from = incident.status();
        incident.moveTo(IncidentStatus.MERGED, incident.clock().transition(from, IncidentStatus.MERGED, now));
        incident.mergedInto(target.id());
        int moved = links.copyOrders(incident.id(), target.id(), now, user);
        links.moveFingerprints(incident.id(), target.id());
        record(entry(incident, TimelineKind.MERGED_INTO, now, user).change(from.name(), IncidentKeys.of(target.id())));
        record(entry(target, TimelineKind.MERGED_FROM, now, user)
                .change(IncidentKeys.of(incident.id()), null)
                .orders(moved, List.of()));
        IncidentDetails saved = saved(incident, now, user, "merged into " + IncidentKeys.of(target.id()));
        notifier.statusChanged(incident, from, user);
        return saved;
    }

    /**
     * Attaches orders by id (as typed: separated by spaces, commas or new lines). A malformed id refuses the
     * whole attach with the id format; a well-formed id the index has not seen is attached all the same.
     *
     * @return how many were newly attached (the others were already)
     */
    @PreAuthorize(Roles.CAN_INCIDENT_WORK)
    @Transactional
    public int attach(String key, String typedIds) {
        List<Problem> problems = new ArrayList<>();
        List<String> ids = links.asIndexed(orderIds(splitIds(typedIds), problems));
        if (ids.isEmpty() && problems.isEmpty()) {
            problems.add(Problem.of("orders", "incident.error.noOrders"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidIncidentException(problems);
        }
        Incident incident = find(key);
        Instant now = now();
        String user = currentUser();
        int attached = attachManually(incident, ids, now, user);
        audit(user, IncidentKeys.of(incident.id()), "attached " + attached + " orders");
        return attached;
    }

    /** The preview of {@link #attachLost}: how many orders of the lost-orders list match, and the bound. */
    @PreAuthorize(Roles.CAN_INCIDENT_WORK)
    @Transactional(readOnly = true)
    public long countLost(ProblemFilter filter) {
        return lostOrders.count(filter);
    }

    /** Most orders one attach from the lost-orders list may take ({@code portal.incidents.bulk-attach-max}). */
    @PreAuthorize(Roles.CAN_INCIDENT_WORK)
    public int bulkAttachMax() {
        return properties.bulkAttachMax();
    }

    /**
     * Attaches every order of the lost-orders list that matches the filter, read on the server in one go;
     * refused as a whole when more than {@code portal.incidents.bulk-attach-max} match.
     *
     * @return how many were newly attached
     */
    @PreAuthorize(Roles.CAN_INCIDENT_WORK)
    @Transactional
    public int attachLost(String key, ProblemFilter filter) {
        Incident incident = find(key);
        long matching = lostOrders.count(filter);
        if (matching > properties.bulkAttachMax()) {
            throw new InvalidIncidentException(
                    Problem.of("lost", "incident.error.tooManyLost", matching, properties.bulkAttachMax()));
        }
        List<String> ids =
                lostOrders.page(filter, ProblemSort.LONGEST_STUCK_FIRST, 0, properties.bulkAttachMax()).stream()
                        .map(OrderProblem::order)
                        .map(order -> order.orderId())
                        .toList();
        Instant now = now();
        String user = currentUser();
        int attached = attachManually(incident, ids, now, user);
        audit(
                user,
                IncidentKeys.of(incident.id()),
                "attached " + attached + " orders from the lost-orders list " + filter);
        return attached;
    }

    @PreAuthorize(Roles.CAN_INCIDENT_WORK)
    @Transactional
    public boolean detach(String key, String orderId) {
        Incident incident = find(key);
        if (!links.detach(incident.id(), orderId)) {
            return false;
        }
        Instant now = now();
        String user = currentUser();
        record(entry(incident, TimelineKind.ORDERS_DETACHED, now, user).orders(1, List.of(orderId)));
        audit(user, IncidentKeys.of(incident.id()), "detached " + orderId);
        return true;
    }

    /** New failures like this order's join the incident from now on (and those of the recent past). */
    @PreAuthorize(Roles.CAN_INCIDENT_WORK)
    @Transactional
    public boolean adoptFingerprintOf(String key, String orderId) {
        Incident incident = find(key);
        return adopt(incident, orderId, now(), currentUser());
    }

    // --- notes: comments, root cause, status up to resolved

    /** Appends a comment (plain text, shown as text). */
    @PreAuthorize(Roles.CAN_INCIDENT_NOTE)
    @Transactional
    public TimelineItem comment(String key, String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidIncidentException(Problem.of("comment", "incident.error.commentRequired"));
        }
        checkText("comment", text);
        Incident incident = find(key);
        return record(entry(incident, TimelineKind.COMMENT, now(), currentUser())
                        .body(text.strip()))
                .item();
    }

    @PreAuthorize(Roles.CAN_INCIDENT_NOTE)
    @Transactional
    public IncidentDetails setRootCause(String key, long version, String rootCause) {
        checkText("rootCause", rootCause);
        Incident incident = forChange(key, version);
        Instant now = now();
        String user = currentUser();
        if (!Objects.equals(incident.rootCause(), blankToNull(rootCause))) {
            incident.rootCause(blankToNull(rootCause));
            record(entry(incident, TimelineKind.ROOT_CAUSE, now, user).body(incident.rootCause()));
        }
        return saved(incident, now, user, "root cause set");
    }

    /**
     * Moves the incident to INVESTIGATING, MITIGATED or RESOLVED (with an optional note, the resolution note
     * when resolving).
     *
     * @throws IllegalTransitionException when the workflow does not allow it; it names the allowed states
     */
    @PreAuthorize(Roles.CAN_INCIDENT_NOTE)
    @Transactional
    public IncidentDetails changeStatus(String key, long version, IncidentStatus to, String note) {
        if (!NOTE_TARGETS.contains(to)) {
            throw new IllegalArgumentException(
                    "changeStatus leads to " + NOTE_TARGETS + "; use close, cancel or merge");
        }
        return transition(key, version, to, note);
    }

    // --- internals

    private IncidentDetails transition(String key, long version, IncidentStatus to, String note) {
        checkText("note", note);
        Incident incident = forChange(key, version);
        Instant now = now();
        String user = currentUser();
        IncidentStatus from = incident.status();
        incident.moveTo(to, incident.clock().transition(from, to, now));
        String text = blankToNull(note);
        if (text != null && (to == IncidentStatus.RESOLVED || to == IncidentStatus.CLOSED)) {
            incident.resolutionNote(text);
        }
        record(entry(incident, TimelineKind.STATUS, now, user)
                .change(from.name(), to.name())
                .body(text));
        IncidentDetails saved = saved(incident, now, user, "status " + from + " -> " + to);
        notifier.statusChanged(incident, from, user);
        return saved;
    }

    private int attachManually(Incident incident, List<String> ids, Instant now, String user) {
        List<String> attached = links.attach(incident.id(), ids, now, user, LinkVia.MANUAL, true);
        if (!attached.isEmpty()) {
            record(entry(incident, TimelineKind.ORDERS_ATTACHED, now, user)
                    .orders(
                            attached.size(),
                            attached.stream().limit(IncidentLimits.SAMPLE_IDS).toList()));
        }
        return attached.size();
    }

    /** Owns the order's failure fingerprint and attaches the recent failures that share it. */
    private boolean adopt(Incident incident, String orderId, Instant now, String user) {
        Optional<IncidentLinks.Failure> failure = links.failureOf(orderId).or(() -> fingerprints.of(orderId));
        if (failure.isEmpty()
                || !links.own(
                        incident.id(),
                        failure.get().fingerprint(),
                        failure.get().stage(),
                        failure.get().summary(),
                        now,
                        user)) {
            return false;
        }
        record(entry(incident, TimelineKind.FINGERPRINT_ADDED, now, user)
                .body(failure.get().summary()));
        List<String> alike = links
                .failuresWith(
                        failure.get().fingerprint(),
                        incident.createdAt().minus(properties.matchLookback()),
                        IncidentLimits.ATTACH_MAX)
                .stream()
                .map(IncidentLinks.Failure::orderId)
                .toList();
        List<String> attached = links.attach(incident.id(), alike, now, IncidentMatcher.ACTOR, LinkVia.RULE, true);
        if (!attached.isEmpty()) {
            record(entry(incident, TimelineKind.ORDERS_ATTACHED, now, IncidentMatcher.ACTOR)
                    .orders(
                            attached.size(),
                            attached.stream().limit(IncidentLimits.SAMPLE_IDS).toList()));
        }
        return true;
    }

    private Incident find(String key) {
        return IncidentKeys.idOf(key)
                .flatMap(incidents::findById)
                .orElseThrow(() -> new IncidentNotFoundException(key));
    }

    /** The incident as the user read it, or a conflict naming who changed it since. */
    private Incident forChange(String key, long version) {
        Incident incident = find(key);
        if (incident.version() != version) {
            throw new IncidentConflictException(key, incident.updatedBy(), incident.updatedAt());
        }
        return incident;
    }

    private IncidentDetails saved(Incident incident, Instant now, String user, String what) {
        incident.touched(now, user);
        try {
            incident = incidents.saveAndFlush(incident);
        } catch (ObjectOptimisticLockingFailureException race) {
            // saved by someone else between our read and this write: the transaction rolls back as a whole
            throw new IncidentConflictException(IncidentKeys.of(incident.id()), null, null);
        }
        audit(user, IncidentKeys.of(incident.id()), what);
        return details(incident);
    }

    private static TimelineEntry entry(Incident incident, TimelineKind kind, Instant at, String actor) {
        return IncidentChanges.entry(incident, kind, at, actor);
    }

    private TimelineEntry record(TimelineEntry entry) {
        return changes.record(entry);
    }

    private void apply(Incident incident, IncidentDraft draft) {
        incident.title(draft.title().strip());
        incident.description(blankToNull(draft.description()));
        incident.severity(draft.severity());
        incident.assignee(blankToNull(draft.assignee()));
        incident.stages(draft.stages());
        incident.tags(draft.tags());
    }

    private IncidentDetails details(Incident incident) {
        return new IncidentDetails(
                IncidentKeys.of(incident.id()),
                incident.version(),
                incident.title(),
                incident.description(),
                incident.severity(),
                incident.status(),
                incident.assignee(),
                incident.stages(),
                incident.tags().stream().sorted().toList(),
                incident.rootCause(),
                incident.resolutionNote(),
                incident.mergedIntoId() == null ? null : IncidentKeys.of(incident.mergedIntoId()),
                incident.failuresAfterResolution(),
                incident.reopenCount(),
                incident.createdBy(),
                incident.updatedAt(),
                incident.updatedBy(),
                incident.clock(),
                links.summariesOwnedBy(incident.id()),
                incident.status().allowedNext(),
                incident.status().canReopen());
    }

    private static IncidentSummary summary(Incident incident, long orders) {
        return new IncidentSummary(
                IncidentKeys.of(incident.id()),
                incident.title(),
                incident.status(),
                incident.severity(),
                incident.assignee(),
                incident.stages(),
                orders,
                incident.failuresAfterResolution(),
                incident.updatedAt());
    }

    private static List<String> orderIds(Collection<String> typed, List<Problem> problems) {
        Set<String> ids = new LinkedHashSet<>();
        List<String> invalid = new ArrayList<>();
        for (String one : typed) {
            OrderIds.normalize(one).ifPresentOrElse(ids::add, () -> invalid.add(one));
        }
        if (!invalid.isEmpty()) {
            problems.add(Problem.of(
                    "orders",
                    "incident.error.orderId",
                    invalid.stream().limit(3).collect(Collectors.joining(", ")),
                    OrderIds.MAX_LENGTH));
        } else if (ids.size() > IncidentLimits.ATTACH_MAX) {
            problems.add(Problem.of("orders", "incident.error.tooManyOrders", IncidentLimits.ATTACH_MAX));
        }
        return List.copyOf(ids);
    }

    private static List<String> splitIds(String typed) {
        if (typed == null || typed.isBlank()) {
            return List.of();
        }
        return List.of(typed.strip().split("[\\s,;]+"));
    }

    private static void checkText(String field, String text) {
        List<Problem> problems = new ArrayList<>();
        IncidentChecks.text(field, text, problems);
        if (!problems.isEmpty()) {
            throw new InvalidIncidentException(problems);
        }
    }

    private void audit(String user, String key, String what) {
        audit.record(user, AuditEventType.INCIDENT, key + " " + what);
    }

    /** To the microsecond, as PostgreSQL keeps it, so what a change returns equals what a later read finds. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private String currentUser() {
        return Usernames.of(security.getContext().getAuthentication(), IncidentMatcher.ACTOR);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}

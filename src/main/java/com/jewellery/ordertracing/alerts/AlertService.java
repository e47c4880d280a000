package com.jewellery.ordertracing.alerts;

import com.jewellery.ordertracing.lost.DetectionRules;
import com.jewellery.ordertracing.security.Roles;
import com.jewellery.ordertracing.security.Usernames;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Alert history and delivery state for support, development and admins; rule changes for admins only.
 * A rule change is validated first and written in one transaction: an invalid form writes nothing, and
 * disabling or deleting a rule resolves its open alerts in the same transaction.
 */
@Service
public class AlertService {

    private final AlertRepository repository;
    private final AlertLedger ledger;
    private final DetectionRules detectionRules;
    private final Clock clock;
    /** The strategy method security itself uses (Vaadin registers one), so "who" matches "may". */
    private final ObjectProvider<SecurityContextHolderStrategy> securityContexts;

    AlertService(
            AlertRepository repository,
            AlertLedger ledger,
            DetectionRules detectionRules,
            Clock clock,
            ObjectProvider<SecurityContextHolderStrategy> securityContexts) {
        this.repository = repository;
        this.ledger = ledger;
        this.detectionRules = detectionRules;
        this.clock = clock;
        this.securityContexts = securityContexts;
    }

    @PreAuthorize(Roles.CAN_ORDER_WORK)
    @Transactional(readOnly = true)
    public List<AlertRecord> history(int offset, int limit) {
        return repository.history(offset, limit);
    }

    /** One alert of the history, e.g. to open an incident from it. */
    @PreAuthorize(Roles.CAN_ORDER_WORK)
    @Transactional(readOnly = true)
    public Optional<AlertRecord> alert(long id) {
        return repository.alert(id);
    }

    @PreAuthorize(Roles.CAN_ORDER_WORK)
    @Transactional(readOnly = true)
    public long historyCount() {
        return repository.historyCount();
    }

    /** The outbox, newest first: what was sent, what waits for a retry and why. */
    @PreAuthorize(Roles.CAN_ORDER_WORK)
    @Transactional(readOnly = true)
    public List<OutboxNotification> notifications(int offset, int limit) {
        return repository.notifications(offset, limit);
    }

    @PreAuthorize(Roles.CAN_ORDER_WORK)
    @Transactional(readOnly = true)
    public List<AlertRule> rules() {
        return repository.rules();
    }

    @PreAuthorize(Roles.CAN_ORDER_WORK)
    public List<String> stages() {
        return detectionRules.stages();
    }

    /**
     * Creates ({@code id} null) or changes a rule.
     *
     * @throws InvalidAlertRuleException with every problem, when nothing was written
     */
    @PreAuthorize(Roles.CAN_ADMINISTRATION)
    @Transactional
    public AlertRule saveRule(Long id, AlertRuleInput input) {
        Map<String, String> problems = new LinkedHashMap<>(AlertRuleValidator.problems(input, detectionRules.stages()));
        if (!problems.containsKey("name") && repository.nameTaken(input.name(), id)) {
            problems.put("name", "alerts.rule.error.nameTaken");
        }
        AlertRule existing = id == null
                ? null
                : repository
                        .rule(id)
                        .orElseThrow(() -> new InvalidAlertRuleException(Map.of("name", "alerts.rule.error.gone")));
        if (!problems.isEmpty()) {
            throw new InvalidAlertRuleException(problems);
        }
        Instant now = clock.instant();
        String user = currentUser();
        long savedId = id == null ? repository.insertRule(input, now, user) : id;
        if (existing != null) {
            repository.updateRule(id, input, now, user);
            if (!input.enabled()
                    || existing.kind() != input.kind()
                    || !Objects.equals(existing.stage(), input.stage())) {
                resolveOpenAlerts(existing, now, input.enabled() ? "rule changed" : "rule disabled");
            }
        }
        return repository.rule(savedId).orElseThrow();
    }

    /** Deletes a rule; its open alerts are resolved, its history stays. */
    @PreAuthorize(Roles.CAN_ADMINISTRATION)
    @Transactional
    public void deleteRule(long id) {
        repository.rule(id).ifPresent(rule -> {
            resolveOpenAlerts(rule, clock.instant(), "rule deleted");
            repository.deleteRule(id);
        });
    }

    private void resolveOpenAlerts(AlertRule rule, Instant now, String resolution) {
        repository.openAlerts(rule.id()).values().forEach(alertId -> ledger.resolve(rule, alertId, now, resolution));
    }

    private String currentUser() {
        return Usernames.of(
                securityContexts
                        .getIfAvailable(SecurityContextHolder::getContextHolderStrategy)
                        .getContext()
                        .getAuthentication(),
                "system");
    }
}

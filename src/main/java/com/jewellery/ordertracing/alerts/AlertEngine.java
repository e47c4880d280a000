package com.jewellery.ordertracing.alerts;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Evaluates the enabled rules: opens an alert (and its notifications) for each new problem and resolves
 * the ones that cleared. Each rule runs in its own transaction under an advisory lock, so several portal
 * instances never open the same alert twice and one broken rule does not stop the others.
 */
@Component
class AlertEngine {

    private static final Logger log = LoggerFactory.getLogger(AlertEngine.class);

    private final AlertRepository repository;
    private final AlertEvaluator evaluator;
    private final AlertLedger ledger;
    private final TransactionTemplate transaction;
    private final Clock clock;

    AlertEngine(
            AlertRepository repository,
            AlertEvaluator evaluator,
            AlertLedger ledger,
            TransactionTemplate transaction,
            Clock clock) {
        this.repository = repository;
        this.evaluator = evaluator;
        this.ledger = ledger;
        this.transaction = transaction;
        this.clock = clock;
    }

    void evaluateAll() {
        Instant now = clock.instant();
        for (AlertRule rule : repository.enabledRules()) {
            try {
                evaluate(rule, now);
            } catch (RuntimeException e) {
                log.error(
                        "Alert rule '{}' (id {}) could not be evaluated; the others go on", rule.name(), rule.id(), e);
            }
        }
    }

    /** Evaluates one rule as of {@code now}; returns the number of alerts opened and resolved. */
    Outcome evaluate(AlertRule rule, Instant now) {
        return transaction.execute(status -> {
            if (!repository.tryLockRule(rule.id())) {
                return new Outcome(0, 0);
            }
            Map<String, Long> open = repository.openAlerts(rule.id());
            AlertEvaluator.Evaluation evaluation = evaluator.evaluate(rule, now, open.keySet());
            int opened = 0;
            for (Firing firing : evaluation.firing()) {
                if (!open.containsKey(firing.key())) {
                    ledger.open(rule, firing, now);
                    opened++;
                }
            }
            evaluation.cleared().forEach(key -> ledger.resolve(rule, open.get(key), now, "cleared"));
            return new Outcome(opened, evaluation.cleared().size());
        });
    }

    /** How many alerts one evaluation opened and resolved. */
    record Outcome(int opened, int resolved) {}
}

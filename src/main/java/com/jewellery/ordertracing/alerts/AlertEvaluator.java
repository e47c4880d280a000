package com.jewellery.ordertracing.alerts;

import com.jewellery.ordertracing.lost.LostOrderQueries;
import com.jewellery.ordertracing.lost.ProblemDetector;
import com.jewellery.ordertracing.lost.ProblemFilter;
import com.jewellery.ordertracing.lost.ProblemReason;
import com.jewellery.ordertracing.lost.StageFunnel;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Reads what a rule needs from the index and says which problems it sees and which of its open ones cleared. */
@Component
class AlertEvaluator {

    private final LostOrderQueries queries;
    private final ProblemDetector detector;
    private final AlertsProperties properties;

    AlertEvaluator(LostOrderQueries queries, ProblemDetector detector, AlertsProperties properties) {
        this.queries = queries;
        this.detector = detector;
        this.properties = properties;
    }

    Evaluation evaluate(AlertRule rule, Instant now, Set<String> openKeys) {
        Instant since = now.minus(rule.window());
        return switch (rule.kind()) {
            case CRITICAL_ERROR -> {
                List<Firing> firing = AlertChecks.criticalErrors(
                        queries.failedBetween(rule.stage(), since, now, openKeys.size() + properties.maxNewPerRule()));
                Set<String> cleared = new HashSet<>(openKeys);
                cleared.removeAll(queries.stillFailed(openKeys));
                yield new Evaluation(firing, cleared);
            }
            case STUCK_COUNT -> {
                long stuckOrLost = queries
                        .countByStageAndReason(
                                detector.deadlinesAt(now),
                                new ProblemFilter(rule.stage(), null, null, since, now, null))
                        .stream()
                        // unconfirmed orders may have gone on unsampled: never an alarm
                        .filter(count -> count.reason() == ProblemReason.STUCK || count.reason() == ProblemReason.LOST)
                        .mapToLong(count -> count.count())
                        .sum();
                yield Evaluation.complete(
                        AlertChecks.stuckCount(rule, stuckOrLost).stream().toList(), openKeys);
            }
            case ERROR_RATE -> {
                StageFunnel funnel = new StageFunnel(detector.rules().stages(), queries.stageTallies(since, now));
                yield Evaluation.complete(
                        AlertChecks.errorRates(
                                rule, funnel, detector.rules().stages(), properties.errorRateMinOrders()),
                        openKeys);
            }
        };
    }

    /**
     * What one evaluation found.
     *
     * @param firing  problems seen now (open ones included)
     * @param cleared keys of open alerts whose problem is gone
     */
    record Evaluation(List<Firing> firing, Set<String> cleared) {

        /** For rules that see all their problems at once: whatever is open and not firing has cleared. */
        static Evaluation complete(List<Firing> firing, Set<String> openKeys) {
            Set<String> cleared = new HashSet<>(openKeys);
            firing.forEach(problem -> cleared.remove(problem.key()));
            return new Evaluation(firing, cleared);
        }
    }
}

package com.jewellery.ordertracing.grafana;

import com.jewellery.ordertracing.lost.DetectionRules;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The lost-order rules as rows for the reporting tables Grafana reads (V20): per stage its SLA and how long an
 * order may sit after it before it is stuck, and the rules for lost and for orders with no stage yet. Derived
 * from the same {@link DetectionRules} the portal's list applies, so the dashboard cannot classify otherwise.
 *
 * @param stages the stages in flow order
 * @param lost   the order-wide rule
 */
public record ReportingSlas(List<Stage> stages, LostRule lost) {

    public ReportingSlas {
        stages = List.copyOf(stages);
    }

    public static ReportingSlas of(DetectionRules rules) {
        List<Stage> stages = new ArrayList<>();
        for (int i = 0; i < rules.stages().size(); i++) {
            String id = rules.stages().get(i);
            stages.add(new Stage(
                    id,
                    i + 1,
                    rules.stageSlas().get(id),
                    rules.allowanceAfter(id).orElse(null),
                    rules.terminal().contains(id)));
        }
        return new ReportingSlas(
                stages,
                new LostRule(rules.endToEndSla(), rules.allowanceAfter(null).orElse(null), rules.grace()));
    }

    /**
     * @param id         the stage id
     * @param position   1-based, in flow order
     * @param sla        how long the stage may take to be reached after the previous one ended
     * @param stuckAfter how long an order whose last stage is this one may sit before it is stuck; null when
     *                   nothing is awaited after it (terminal)
     * @param terminal   whether the stage ends the flow
     */
    public record Stage(String id, int position, Duration sla, Duration stuckAfter, boolean terminal) {}

    /**
     * @param lostAfter           first seen longer ago than this, not completed: lost (the end-to-end SLA)
     * @param stuckBeforeAnyStage the same as {@link Stage#stuckAfter()} for an order that reached no stage yet
     * @param grace               included in every stuck allowance (the indexer's lag)
     */
    public record LostRule(Duration lostAfter, Duration stuckBeforeAnyStage, Duration grace) {}
}

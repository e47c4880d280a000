package com.jewellery.ordertracing.lost;

import java.util.List;
import java.util.Map;

/**
 * How many of the orders Jaeger holds were seen at a stage, relative to the first stage: what sampling
 * and lost spans leave visible.
 *
 * @param stage   stage id
 * @param reached orders with spans of this stage
 * @param share   reached divided by the orders with spans of the first stage (0 when none); above 1 when
 *                later stages were sampled in traces whose first stages were not
 */
public record StageCoverage(String stage, long reached, double share) {

    /** Every stage in flow order, with its share of the first stage's orders. */
    public static List<StageCoverage> of(List<String> stages, Map<String, Long> reachedByStage) {
        long first = stages.isEmpty() ? 0 : reachedByStage.getOrDefault(stages.getFirst(), 0L);
        return stages.stream()
                .map(stage -> {
                    long reached = reachedByStage.getOrDefault(stage, 0L);
                    return new StageCoverage(stage, reached, first == 0 ? 0 : (double) reached / first);
                })
                .toList();
    }
}

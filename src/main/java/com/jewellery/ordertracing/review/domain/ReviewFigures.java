package com.jewellery.ordertracing.review.domain;

import java.time.Instant;
import java.util.List;

/**
 * The figures of one week's review, as stored (JSON) and shown. Durations in milliseconds, shares as 0..1,
 * share deltas in percentage points as 0..1 differences, duration deltas as relative changes (0.12 = +12 %).
 * Null where there is nothing to compute (no orders, no previous week).
 */
public record ReviewFigures(
        String week,
        String zone,
        Instant from,
        Instant to,
        Orders orders,
        List<StageRow> stages,
        List<String> slowestStages,
        List<FailureRow> failures,
        Incidents incidents,
        List<Quality> dataQuality) {

    /** Orders first seen in the week; lost and stuck as the lost-orders list shows them at generation. */
    public record Orders(
            long entered,
            long completed,
            long failed,
            long lost,
            long stuck,
            Double completedRate,
            Double failedRate,
            Double lostRate,
            Double stuckRate) {}

    /** A stage whose stage ended in the week, against the week before, and the weeks of the trend (oldest first). */
    public record StageRow(
            String stageId,
            long orders,
            Double p50Ms,
            Double p95Ms,
            Double p99Ms,
            Double slaMs,
            Double slaCompliance,
            Double errorRate,
            Double p95Change,
            Double slaChange,
            List<TrendPoint> trend) {}

    public record TrendPoint(String week, long orders, Double p95Ms, Double slaCompliance) {}

    /** A failure fingerprint of orders failed in the week, with the incidents owning it. */
    public record FailureRow(String fingerprint, String stage, String summary, long orders, List<String> incidents) {}

    /** Incidents created in the week; of them, resolved (by now); medians in seconds. */
    public record Incidents(
            int opened,
            int resolved,
            Long medianAcknowledgeSeconds,
            Long medianResolveSeconds,
            List<IncidentRow> rows) {}

    public record IncidentRow(
            String key, String severity, String status, Long acknowledgeSeconds, Long resolveSeconds, long orders) {}

    /** Something that makes the week's figures missing or partial; {@code value} is the number it is about. */
    public record Quality(QualityIssue issue, double value) {}

    public enum QualityIssue {
        /** No order was first seen in the week. */
        NO_ORDERS,
        /** Orders, but no stage measurements (the indexer did not measure them, or the rollups are missing). */
        NO_MEASUREMENTS,
        /** Hours of the week without a single measured stage: the indexer was down or behind. */
        HOURS_WITHOUT_DATA,
        /** The review was made before the week ended. */
        WEEK_NOT_OVER,
        /** Traces are sampled by ratio: counts are of the sampled orders (value: the ratio). */
        RATIO_SAMPLING,
        /** Hops whose traces do not continue: later stages may be unseen (value: how many). */
        BROKEN_HOPS,
        /** The indexer had read no traces at all when the review was made. */
        INDEX_NOT_RUN,
        /** The index lagged past its limit before the week's end: its last part may be missing (value: minutes). */
        INDEX_BEHIND,
        /** The indexer's last runs had failed when the review was made (value: how many in a row). */
        INDEX_FAILING
    }

    public boolean hasData() {
        return dataQuality.stream().noneMatch(q -> q.issue() == QualityIssue.NO_ORDERS);
    }
}

package com.jewellery.ordertracing.review.domain;

import com.jewellery.ordertracing.analytics.Histogram;
import com.jewellery.ordertracing.analytics.StageSeries;
import com.jewellery.ordertracing.incidents.api.IncidentTimes;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * What the services give for a week's review; {@link ReviewCalculator} turns it into {@link ReviewFigures}.
 *
 * @param outcomes       orders first seen in the week by outcome name (COMPLETED, IN_PROGRESS, FAILED)
 * @param lost           of them, on the lost-orders list as LOST at generation
 * @param stuck          of them, on the list as STUCK at generation
 * @param stageIds       stages in flow order, end to end last
 * @param slas           each stage's SLA
 * @param weeks          the trend's weeks, oldest first, the reviewed week last: each stage's whole-week histogram
 * @param hourly         the reviewed week's series per stage, by hour (for hours without data)
 * @param failures       failure fingerprints of the week, any order
 * @param incidents      incidents created in the week
 * @param samplingRatio  the ratio traces are sampled with, or null when every trace is kept
 * @param brokenHops     hops whose traces do not continue
 * @param index          the indexer's health at generation
 */
public record ReviewInputs(
        IsoWeek week,
        ZoneId zone,
        Instant now,
        Map<String, Long> outcomes,
        long lost,
        long stuck,
        List<String> stageIds,
        Map<String, Duration> slas,
        List<WeekHistograms> weeks,
        List<StageSeries> hourly,
        List<ReviewFigures.FailureRow> failures,
        List<IncidentTimes> incidents,
        Double samplingRatio,
        int brokenHops,
        IndexState index) {

    public record WeekHistograms(IsoWeek week, Map<String, Histogram> byStage) {}

    /**
     * @param indexedUntil up to when every service's traces were read; null before the first run
     * @param behindTooFar the lag is past the indexer's own limit (or unknown while indexing is on)
     * @param failures     consecutive failed runs of the indexer (as the generating instance knows)
     * @param lastError    the last failure's message, null without one
     */
    public record IndexState(Instant indexedUntil, boolean behindTooFar, int failures, String lastError) {

        /** Read up to {@code until}, no failure. */
        public static IndexState healthy(Instant until) {
            return new IndexState(until, false, 0, null);
        }
    }
}

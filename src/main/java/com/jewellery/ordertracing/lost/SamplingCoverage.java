package com.jewellery.ordertracing.lost;

import com.jewellery.ordertracing.lost.continuity.TraceContinuity;
import java.time.Duration;
import java.util.List;

/**
 * What share of orders Jaeger shows at each stage, and whether the flow's sampling may hide orders.
 *
 * @param stages        per stage in flow order
 * @param window        how far back it looked
 * @param orders        how many orders it examined (the most recent ones, at most the configured sample)
 * @param ratioSampling the flow samples by ratio: orders whose traces were dropped are invisible here
 * @param samplingRatio that ratio (both a hint from configuration; {@code continuity} is measured)
 * @param continuity    whether traces continue across each hop between services
 */
public record SamplingCoverage(
        List<StageCoverage> stages,
        Duration window,
        long orders,
        boolean ratioSampling,
        double samplingRatio,
        TraceContinuity continuity) {

    public SamplingCoverage {
        stages = List.copyOf(stages);
    }
}

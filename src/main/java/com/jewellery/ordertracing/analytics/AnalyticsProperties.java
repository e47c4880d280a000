package com.jewellery.ordertracing.analytics;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the latency analytics.
 *
 * @param longestRange    the widest custom range the view accepts (default 90 days, the journeys' retention)
 * @param drillDownLimit  slowest and failed orders listed for one chart point (default 20 each, at most 20: the
 *                        slowest the indexer keeps per stage and minute)
 * @param backfillBatch   journeys stored before measurements were kept (V14) that the indexer measures per run
 *                        (default 2000)
 * @param heldRollupRows  rollup rows kept parsed between reports, re-read only when they change (default 20,000,
 *                        about 20 MB; the four presets' reports read about 8,000)
 * @param warmUp          read the presets' rollup rows into the held rows once the portal has started, so the
 *                        first report after a start is as quick as the next (default true)
 */
@ConfigurationProperties("portal.analytics")
public record AnalyticsProperties(
        Duration longestRange, Integer drillDownLimit, Integer backfillBatch, Integer heldRollupRows, Boolean warmUp) {

    public AnalyticsProperties {
        longestRange = longestRange == null ? Duration.ofDays(90) : longestRange;
        drillDownLimit = drillDownLimit == null || drillDownLimit < 1 ? SlowestKept.KEPT : drillDownLimit;
        if (drillDownLimit > SlowestKept.KEPT) {
            throw new IllegalArgumentException(
                    "portal.analytics.drill-down-limit is " + drillDownLimit + ", at most " + SlowestKept.KEPT
                            + " can be listed: the indexer keeps that many slowest orders per stage and minute");
        }
        backfillBatch = backfillBatch == null || backfillBatch < 1 ? 2000 : backfillBatch;
        heldRollupRows = heldRollupRows == null || heldRollupRows < 0 ? 20_000 : heldRollupRows;
        warmUp = warmUp == null || warmUp;
    }
}

package com.jewellery.ordertracing.lost;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the lost-orders detection. Unset values come from the stage catalog.
 *
 * @param stageSlas       per stage id, how long the order may take to reach that stage after the previous
 *                        one ended; overrides the catalog's SLA of the stage
 * @param endToEndSla     first span to terminal stage; null keeps the catalog's
 * @param grace           added to every stage SLA, for the indexer's lag behind Jaeger (default 15 s)
 * @param reasons         the reasons reported (default all: STUCK, LOST, FAILED)
 * @param coverageWindow  how far back the sampling coverage looks (default 24 h)
 * @param coverageSample  at most this many of the most recent orders are examined for coverage (default 5000)
 * @param samplingMode    how the order flow samples: {@code ratio} or {@code order-aware}; with ratio
 *                        sampling some orders are invisible and the view says so
 * @param samplingRatio   the flow's ratio, shown in that note
 */
@ConfigurationProperties("portal.lost")
public record LostProperties(
        Map<String, Duration> stageSlas,
        Duration endToEndSla,
        Duration grace,
        Set<ProblemReason> reasons,
        Duration coverageWindow,
        Integer coverageSample,
        String samplingMode,
        Double samplingRatio) {

    public LostProperties {
        stageSlas = stageSlas == null ? Map.of() : Map.copyOf(stageSlas);
        grace = grace == null ? Duration.ofSeconds(15) : grace;
        reasons = reasons == null || reasons.isEmpty() ? EnumSet.allOf(ProblemReason.class) : EnumSet.copyOf(reasons);
        coverageWindow = coverageWindow == null ? Duration.ofHours(24) : coverageWindow;
        coverageSample = coverageSample == null || coverageSample < 1 ? 5000 : coverageSample;
        samplingMode = samplingMode == null || samplingMode.isBlank() ? "order-aware" : samplingMode.strip();
        samplingRatio = samplingRatio == null ? 1.0 : samplingRatio;
    }

    public boolean ratioSampling() {
        return "ratio".equalsIgnoreCase(samplingMode);
    }
}

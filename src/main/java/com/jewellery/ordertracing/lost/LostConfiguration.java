package com.jewellery.ordertracing.lost;

import com.jewellery.ordertracing.journey.StageCatalog;
import com.jewellery.ordertracing.lost.continuity.ContinuityMonitor;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The detection rules from {@code portal.lost.*} over the stage catalog; the catalog's defaults apply
 * when no catalog bean is configured. Invalid settings stop the start-up with every problem named.
 */
@Configuration(proxyBeanMethods = false)
class LostConfiguration {

    @Bean
    DetectionRules detectionRules(ObjectProvider<StageCatalog> catalog, LostProperties properties) {
        return DetectionRules.from(
                catalog.getIfAvailable(StageCatalog::defaults),
                properties.stageSlas(),
                properties.endToEndSla(),
                properties.grace(),
                properties.reasons());
    }

    @Bean
    ProblemDetector problemDetector(DetectionRules rules, Clock clock, ContinuityMonitor continuity) {
        return new ProblemDetector(rules, clock, continuity::unconfirmedAfter);
    }
}

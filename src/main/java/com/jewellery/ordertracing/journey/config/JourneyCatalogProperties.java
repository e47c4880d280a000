package com.jewellery.ordertracing.journey.config;

import com.jewellery.ordertracing.journey.StageCatalog;
import com.jewellery.ordertracing.journey.StageDefinition;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The order flow's expected stages ({@code portal.journey.*}); without stages the catalog of trace
 * contract 0002 ({@link StageCatalog#defaults()}) applies.
 *
 * @param services    service names the stages may use; empty means the stages' own services
 * @param stages      the stages, as {@link StageDefinition}s
 * @param endToEndSla how long an order may take overall; empty means {@link StageCatalog#DEFAULT_END_TO_END_SLA}
 */
@ConfigurationProperties("portal.journey")
record JourneyCatalogProperties(Set<String> services, List<StageDefinition> stages, Duration endToEndSla) {

    /** The catalog; a configured one that cannot describe a flow fails with every problem listed. */
    StageCatalog catalog() {
        if (stages == null || stages.isEmpty()) {
            return StageCatalog.defaults();
        }
        Set<String> declared = services == null || services.isEmpty()
                ? stages.stream().map(StageDefinition::service).collect(Collectors.toCollection(LinkedHashSet::new))
                : services;
        return new StageCatalog(
                declared, stages, endToEndSla == null ? StageCatalog.DEFAULT_END_TO_END_SLA : endToEndSla);
    }
}

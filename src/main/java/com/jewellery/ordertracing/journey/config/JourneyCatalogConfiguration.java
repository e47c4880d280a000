package com.jewellery.ordertracing.journey.config;

import com.jewellery.ordertracing.journey.JourneyAssembler;
import com.jewellery.ordertracing.journey.StageCatalog;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The stage catalog from {@code portal.journey.*} and the assembler over it, for every feature that reads
 * journeys (index, lookup, lost orders, alerts). The journey model itself stays plain Java.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(JourneyCatalogProperties.class)
class JourneyCatalogConfiguration {

    @Bean
    StageCatalog stageCatalog(JourneyCatalogProperties properties) {
        return properties.catalog();
    }

    @Bean
    JourneyAssembler journeyAssembler(StageCatalog stageCatalog) {
        return new JourneyAssembler(stageCatalog);
    }
}

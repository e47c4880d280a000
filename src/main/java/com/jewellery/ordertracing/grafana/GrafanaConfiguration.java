package com.jewellery.ordertracing.grafana;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The probe of Grafana, shared by the analytics page and the status page. */
@Configuration(proxyBeanMethods = false)
class GrafanaConfiguration {

    @Bean
    GrafanaProbe grafanaProbe(GrafanaProperties properties, Clock clock) {
        return new GrafanaProbe(properties, clock);
    }
}

package com.jewellery.ordertracing.analytics;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** The indexer's measurement writer and the analytics queries. */
@Configuration(proxyBeanMethods = false)
class AnalyticsConfiguration {

    @Bean
    MeasurementWriter journeyMeasurements(JdbcTemplate jdbc) {
        return new MeasurementWriter(jdbc);
    }

    @Bean
    AnalyticsQueries analyticsQueries(JdbcTemplate jdbc) {
        return new AnalyticsQueries(jdbc);
    }
}

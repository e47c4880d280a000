package com.jewellery.ordertracing.analytics;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** The indexer's measurement writer, the analytics queries and their warm-up after the start. */
@Configuration(proxyBeanMethods = false)
class AnalyticsConfiguration {

    @Bean
    MeasurementWriter journeyMeasurements(
            JdbcTemplate jdbc, TransactionTemplate transactions, AnalyticsProperties properties, Clock clock) {
        return new MeasurementWriter(jdbc, transactions, properties.backfillBatch(), clock);
    }

    @Bean
    AnalyticsQueries analyticsQueries(JdbcTemplate jdbc, AnalyticsProperties properties) {
        return new AnalyticsQueries(jdbc, properties.heldRollupRows());
    }

    @Bean
    RollupWarmUp rollupWarmUp(AnalyticsQueries queries, AnalyticsProperties properties, Clock clock) {
        return new RollupWarmUp(queries, properties.warmUp(), clock);
    }
}

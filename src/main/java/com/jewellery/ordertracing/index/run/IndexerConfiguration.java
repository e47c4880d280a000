package com.jewellery.ordertracing.index.run;

import com.jewellery.ordertracing.analytics.JourneyMeasurements;
import com.jewellery.ordertracing.index.IndexProperties;
import com.jewellery.ordertracing.index.read.TraceSource;
import com.jewellery.ordertracing.jaeger.JaegerClient;
import com.jewellery.ordertracing.journey.JourneyAssembler;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** The background indexer: its cycle on a thread of its own, and its row on the status page. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IndexProperties.class)
class IndexerConfiguration {

    @Bean
    Indexer indexer(
            IndexProperties properties,
            JaegerClient jaeger,
            JdbcTemplate jdbc,
            TransactionTemplate transactions,
            JourneyAssembler assembler,
            DataSourceProperties dataSource,
            List<JourneyMeasurements> measurements,
            Clock clock) {
        // the lock lives on a connection of its own, outside the pool, for as long as this instance indexes
        IndexerLock.Connections connections = () -> DriverManager.getConnection(
                dataSource.determineUrl(), dataSource.determineUsername(), dataSource.determinePassword());
        return Indexer.create(
                properties,
                TraceSource.jaeger(jaeger),
                jdbc,
                transactions,
                assembler,
                connections,
                // everything kept in step with the journeys, in their transaction: analytics, incidents' outcomes
                JourneyMeasurements.all(measurements),
                clock);
    }

    @Bean
    IndexerScheduler indexerScheduler(Indexer indexer, IndexProperties properties) {
        return new IndexerScheduler(indexer.cycle(), properties.interval(), properties.enabled());
    }

    @Bean
    IndexerStatusCheck indexerStatusCheck(Indexer indexer, IndexProperties properties, Clock clock) {
        return new IndexerStatusCheck(new IndexerReading(indexer, behindLimit(properties), clock));
    }

    @Bean
    IndexHealthService indexHealthService(Indexer indexer, IndexProperties properties, Clock clock) {
        return new IndexHealthService(new IndexerReading(indexer, behindLimit(properties), clock));
    }

    /** A lag past this is a problem: the configured lag plus a dozen runs' pauses. */
    private static Duration behindLimit(IndexProperties properties) {
        return properties.lag().plus(properties.interval().multipliedBy(12));
    }
}

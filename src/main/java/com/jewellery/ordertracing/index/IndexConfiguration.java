package com.jewellery.ordertracing.index;

import com.jewellery.ordertracing.analytics.JourneyMeasurements;
import com.jewellery.ordertracing.jaeger.JaegerClient;
import com.jewellery.ordertracing.journey.JourneyAssembler;
import com.jewellery.ordertracing.journey.StageCatalog;
import java.sql.DriverManager;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** The stage catalog from configuration, the background indexer, and the index's read services. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({IndexProperties.class, JourneyCatalogProperties.class})
class IndexConfiguration {

    @Bean
    StageCatalog stageCatalog(JourneyCatalogProperties properties) {
        return properties.catalog();
    }

    @Bean
    JourneyAssembler journeyAssembler(StageCatalog stageCatalog) {
        return new JourneyAssembler(stageCatalog);
    }

    @Bean
    Indexer indexer(IndexProperties properties, JaegerClient jaeger, JdbcTemplate jdbc,
            TransactionTemplate transactions, JourneyAssembler assembler, DataSourceProperties dataSource,
            JourneyMeasurements measurements, Clock clock) {
        // the lock lives on a connection of its own, outside the pool, for as long as this instance indexes
        IndexerLock.Connections connections = () -> DriverManager.getConnection(dataSource.determineUrl(),
                dataSource.determineUsername(), dataSource.determinePassword());
        return Indexer.create(properties, TraceSource.jaeger(jaeger), jdbc, transactions, assembler, connections,
                measurements, clock);
    }

    @Bean
    IndexerScheduler indexerScheduler(Indexer indexer, IndexProperties properties) {
        return new IndexerScheduler(indexer.cycle(), properties.interval(), properties.enabled());
    }

    @Bean
    IndexerStatusCheck indexerStatusCheck(Indexer indexer, IndexProperties properties, Clock clock) {
        return new IndexerStatusCheck(indexer.state(), indexer.cursors(), indexer.services(),
                properties.lag().plus(properties.interval().multipliedBy(12)), clock);
    }

    @Bean
    IndexedJourneys indexedJourneys(JdbcTemplate jdbc, NamedParameterJdbcTemplate namedJdbc) {
        return new IndexedJourneys(new JourneyStore(jdbc, new JourneyJson()), new JourneySearch(namedJdbc));
    }

    @Bean
    IndexerAdmin indexerAdmin(JdbcTemplate jdbc, Clock clock) {
        return new IndexerAdmin(new BackfillQueue(jdbc), clock);
    }
}

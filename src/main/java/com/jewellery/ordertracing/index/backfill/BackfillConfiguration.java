package com.jewellery.ordertracing.index.backfill;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** What admins may ask of the indexer (method security applies). */
@Configuration(proxyBeanMethods = false)
class BackfillConfiguration {

    @Bean
    IndexerAdmin indexerAdmin(JdbcTemplate jdbc, Clock clock) {
        return new IndexerAdmin(new BackfillQueue(jdbc), clock);
    }
}

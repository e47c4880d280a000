package com.jewellery.ordertracing.index.store;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** The index's read side, the one way other features reach the stored journeys (method security applies). */
@Configuration(proxyBeanMethods = false)
class JourneyStoreConfiguration {

    @Bean
    IndexedJourneys indexedJourneys(JdbcTemplate jdbc, NamedParameterJdbcTemplate namedJdbc) {
        return new IndexedJourneys(new JourneyStore(jdbc, new JourneyJson()), new JourneySearch(namedJdbc));
    }
}

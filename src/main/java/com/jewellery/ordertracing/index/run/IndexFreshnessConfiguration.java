package com.jewellery.ordertracing.index.run;

import com.jewellery.ordertracing.base.OutageProperties;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The index's age for the data pages, from the indexer's own cursors. */
@Configuration(proxyBeanMethods = false)
class IndexFreshnessConfiguration {

    @Bean
    IndexFreshness indexFreshness(Indexer indexer, OutageProperties properties, Clock clock) {
        return new IndexFreshness(indexer.cursors(), indexer.services(), properties.staleIndexAfter(), clock);
    }
}

package com.jewellery.ordertracing.jaeger;

import com.jewellery.ordertracing.status.StatusProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Jaeger channel, client and status row as beans; the channel closes with the application context. */
@Configuration(proxyBeanMethods = false)
// StatusProperties too: the status row needs its timeout, also where only this configuration runs
// (JaegerConfigurationIT)
@EnableConfigurationProperties({JaegerProperties.class, StatusProperties.class})
public class JaegerConfiguration {

    @Bean(destroyMethod = "close")
    JaegerChannel jaegerChannel(JaegerProperties properties) {
        return JaegerChannel.open(
                properties.endpoint(),
                properties.tls(),
                properties.caFile(),
                properties.clientCertFile(),
                properties.clientKeyFile());
    }

    @Bean
    JaegerClient jaegerClient(JaegerChannel jaegerChannel, JaegerProperties properties) {
        return new JaegerClient(jaegerChannel.channel(), properties.clientSettings());
    }

    /** The status row asks with the page's probe timeout, not the indexer's longer deadline. */
    @Bean
    JaegerStatusCheck jaegerStatusCheck(
            JaegerClient jaegerClient, JaegerProperties properties, StatusProperties statusProperties) {
        return new JaegerStatusCheck(jaegerClient.withDeadlineAtMost(statusProperties.timeout()), properties);
    }
}

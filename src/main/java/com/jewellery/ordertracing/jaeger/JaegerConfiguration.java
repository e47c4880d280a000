package com.jewellery.ordertracing.jaeger;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Jaeger channel, client and status row as beans; the channel closes with the application context. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(JaegerProperties.class)
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

    @Bean
    JaegerStatusCheck jaegerStatusCheck(JaegerClient jaegerClient, JaegerProperties properties) {
        return new JaegerStatusCheck(jaegerClient, properties);
    }
}

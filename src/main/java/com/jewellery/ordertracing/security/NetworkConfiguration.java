package com.jewellery.ordertracing.security;

import java.time.Clock;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** The portal is for the internal network: the client allowlist at the very front, and whose forwarding counts. */
@Configuration(proxyBeanMethods = false)
class NetworkConfiguration {

    @Bean
    FilterRegistrationBean<NetworkAllowlistFilter> networkAllowlistFilter(
            SecurityProperties properties, ApplicationEventPublisher events, Clock clock) {
        FilterRegistrationBean<NetworkAllowlistFilter> registration = new FilterRegistrationBean<>(
                new NetworkAllowlistFilter(ClientNetworks.parse(properties.allowedNetworks()), events, clock));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE); // before Spring Security's filter chain and everything else
        registration.addUrlPatterns("/*");
        return registration;
    }

    @Bean
    TrustedProxies trustedProxies(SecurityProperties properties) {
        return new TrustedProxies(properties.trustedProxies());
    }
}

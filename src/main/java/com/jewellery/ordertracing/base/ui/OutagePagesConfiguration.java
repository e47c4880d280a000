package com.jewellery.ordertracing.base.ui;

import com.jewellery.ordertracing.base.DatabaseReachability;
import com.jewellery.ordertracing.base.OutageProperties;
import com.jewellery.ordertracing.security.IdentityProviderProbe;
import com.jewellery.ordertracing.security.SecurityProperties;
import java.time.Clock;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;

/**
 * The outage pages (database, identity provider), in front of Spring Security's filter chain (order -100) and
 * after the network allowlist (first of all).
 */
@Configuration(proxyBeanMethods = false)
class OutagePagesConfiguration {

    @Bean
    FilterRegistrationBean<DatabaseDownFilter> databaseDownFilter(
            OutageProperties properties, DatabaseReachability database) {
        FilterRegistrationBean<DatabaseDownFilter> registration =
                new FilterRegistrationBean<>(new DatabaseDownFilter(properties.retryAfter(), database::explains));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        registration.addUrlPatterns("/*");
        return registration;
    }

    @Bean
    FilterRegistrationBean<SignInServiceFilter> signInServiceFilter(
            OutageProperties properties,
            ClientRegistrationRepository registrations,
            SecurityProperties security,
            Clock clock) {
        IdentityProviderProbe probe =
                IdentityProviderProbe.of(registrations, security.registrationId(), properties.idpTimeout(), clock);
        FilterRegistrationBean<SignInServiceFilter> registration =
                new FilterRegistrationBean<>(new SignInServiceFilter(probe, properties.retryAfter()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 11);
        registration.addUrlPatterns(SignInServiceFilter.AUTHORIZATION_PATH + "*");
        return registration;
    }
}

package com.jewellery.ordertracing;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One injectable clock, so time-based rules (SLAs, "stuck for N minutes") are testable. */
@Configuration(proxyBeanMethods = false)
class PortalClockConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}

package com.jewellery.ordertracing.base;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the portal behaves while something it needs is down ({@code portal.outage.*}).
 *
 * @param retryAfter     how long the "database does not answer" and "sign-in service does not answer" pages
 *                       wait before they try again by themselves
 * @param idpTimeout     how long the portal waits for the identity provider before it shows that page
 *                       instead of sending the browser to a provider that is down
 * @param staleIndexAfter data pages show a banner with the index's age when it is further behind than this
 */
@ConfigurationProperties("portal.outage")
public record OutageProperties(
        @DefaultValue("10s") Duration retryAfter,
        @DefaultValue("2s") Duration idpTimeout,
        @DefaultValue("1m") Duration staleIndexAfter) {}

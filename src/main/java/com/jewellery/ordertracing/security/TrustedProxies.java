package com.jewellery.ordertracing.security;

import java.util.List;
import org.apache.catalina.Valve;
import org.apache.catalina.valves.RemoteIpValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;

/**
 * {@code X-Forwarded-For} is believed only from the configured proxies. Tomcat's RemoteIpValve trusts every
 * private range by default, which on an internal network lets any client pretend to be any address, so a
 * valve Spring Boot may have added ({@code server.forward-headers-strategy}) is replaced; with no proxies
 * configured there is none and the socket's address counts.
 */
class TrustedProxies implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    private final ClientNetworks proxies;
    private final List<String> entries;

    TrustedProxies(List<String> entries) {
        this.entries = entries.stream()
                .map(String::trim)
                .filter(entry -> !entry.isEmpty())
                .toList();
        this.proxies = ClientNetworks.parse(this.entries);
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        List<Valve> valves = factory.getEngineValves().stream()
                .filter(valve -> !(valve instanceof RemoteIpValve))
                .toList();
        factory.setEngineValves(valves);
        if (proxies.isEmpty()) {
            return;
        }
        RemoteIpValve valve = new RemoteIpValve();
        valve.setInternalProxies(String.join(",", entries)); // CIDR notation, read by Tomcat 11's NetMaskSet
        valve.setTrustedProxies("");
        valve.setRemoteIpHeader("X-Forwarded-For");
        valve.setProtocolHeader("X-Forwarded-Proto");
        factory.addEngineValves(valve);
    }

    /** After Spring Boot's own Tomcat customizer, which is where a default valve would come from. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}

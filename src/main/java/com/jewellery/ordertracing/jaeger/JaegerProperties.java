package com.jewellery.ordertracing.jaeger;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where and how the portal reads Jaeger ({@code portal.jaeger.*}).
 *
 * @param endpoint    {@code host:port} of Jaeger's api_v3 gRPC port
 * @param tls         whether that port speaks TLS
 * @param caFile      PEM file of the CA behind Jaeger's certificate; empty for the JVM's trusted CAs
 * @param deadline    how long one call to Jaeger may take
 * @param searchDepth how many traces a search asks for unless it says otherwise
 * @param uiBaseUrl   Jaeger's web UI, for links to a trace
 */
@ConfigurationProperties("portal.jaeger")
public record JaegerProperties(
        @DefaultValue("127.0.0.1:16685") String endpoint,
        @DefaultValue("true") boolean tls,
        Path caFile,
        @DefaultValue("10s") Duration deadline,
        @DefaultValue("1000") int searchDepth,
        @DefaultValue("https://localhost:16686") URI uiBaseUrl) {

    JaegerClientSettings clientSettings() {
        return new JaegerClientSettings(deadline, searchDepth);
    }
}

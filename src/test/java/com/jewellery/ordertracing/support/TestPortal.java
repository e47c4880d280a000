package com.jewellery.ordertracing.support;

import java.net.InetAddress;
import java.net.http.HttpClient;
import java.time.Duration;

/**
 * Where the integration tests' portal listens, and HTTP clients that talk to it as a browser would.
 * {@code PORTAL_TEST_TLS=true} (with the portal given the stack's certificate and the JVM its trust store, see
 * docs/security.md) runs the tiers over HTTPS.
 */
public final class TestPortal {

    public static final int PORT = 18081;
    public static final String HOST = "localhost";
    public static final boolean TLS = Boolean.parseBoolean(System.getenv().getOrDefault("PORTAL_TEST_TLS", "false"));
    public static final String SCHEME = TLS ? "https" : "http";
    public static final String BASE = SCHEME + "://" + HOST + ":" + PORT;

    private TestPortal() {}

    /** A client that does not follow redirects, so a test sees the portal's own answer. */
    public static HttpClient client() {
        return builder().build();
    }

    /** A client whose socket is bound to {@code localAddress}, e.g. 127.0.0.2, as if it came from another host. */
    public static HttpClient clientFrom(InetAddress localAddress) {
        return builder().localAddress(localAddress).build();
    }

    private static HttpClient.Builder builder() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5));
    }
}

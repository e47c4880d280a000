package com.jewellery.ordertracing.support;

import java.net.InetAddress;
import java.net.http.HttpClient;
import java.time.Duration;

/**
 * Where the integration tests' portal listens, and HTTP clients that talk to it as a browser would. It serves
 * HTTPS only, as in production, with the certificate {@code bin/stack} made; the tests' JVM trusts its CA through
 * {@code bin/stack env} (JAVA_TOOL_OPTIONS).
 */
public final class TestPortal {

    public static final int PORT = 18081;
    public static final String HOST = "localhost";
    public static final String SCHEME = "https";
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

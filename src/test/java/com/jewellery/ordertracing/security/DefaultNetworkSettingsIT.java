package com.jewellery.ordertracing.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.jewellery.ordertracing.support.IntegrationTest;
import com.jewellery.ordertracing.support.TestPortal;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * With the default settings: the loopback range may enter, and nobody's X-Forwarded-For is believed, not even
 * from loopback, which Tomcat's own default would trust.
 */
@IntegrationTest
class DefaultNetworkSettingsIT {

    @Test
    void anotherLoopbackAddressIsInsideTheDefaultNetworks() throws Exception {
        assertThat(get(InetAddress.ofLiteral("127.0.0.2"), null).statusCode()).isEqualTo(302);
    }

    @Test
    void forwardedForIsIgnoredWhenNoProxyIsConfigured() throws Exception {
        // believed, this would make the client 8.8.8.8, outside the allowed networks, and refused
        assertThat(get(InetAddress.ofLiteral("127.0.0.1"), "8.8.8.8").statusCode())
                .isEqualTo(302);
    }

    private static HttpResponse<String> get(InetAddress from, String forwardedFor) throws Exception {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(TestPortal.SCHEME + "://127.0.0.1:" + TestPortal.PORT + "/"));
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        try (HttpClient client = TestPortal.clientFrom(from)) {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}

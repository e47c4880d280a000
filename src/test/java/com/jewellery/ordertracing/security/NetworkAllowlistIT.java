package com.jewellery.ordertracing.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.jewellery.ordertracing.audit.AuditEvent;
import com.jewellery.ordertracing.audit.AuditEventType;
import com.jewellery.ordertracing.audit.AuditService;
import com.jewellery.ordertracing.support.IntegrationTest;
import com.jewellery.ordertracing.support.TestPortal;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.TestPropertySource;

/**
 * The client allowlist for real: sockets bound to other loopback addresses stand in for other hosts. Only
 * 127.0.0.1 may enter; 127.0.0.3 plays a trusted reverse proxy, whose X-Forwarded-For alone is believed.
 * Each test refused from an address of its own, since refusals are audited once a minute per address.
 */
@IntegrationTest
@TestPropertySource(
        properties = {
            "server.port=0",
            "portal.security.allowed-networks=127.0.0.1/32",
            "portal.security.trusted-proxies=127.0.0.3"
        })
class NetworkAllowlistIT {

    private static final InetAddress ALLOWED = address("127.0.0.1");
    private static final InetAddress OUTSIDER = address("127.0.0.2");
    private static final InetAddress RUSSIAN_OUTSIDER = address("127.0.0.4");
    private static final InetAddress FORGER = address("127.0.0.5");
    private static final InetAddress PROXY = address("127.0.0.3");

    @LocalServerPort
    int port;

    @Autowired
    AuditService audit;

    @Test
    void anAllowedClientGetsToSignIn() throws Exception {
        HttpResponse<String> response = get(ALLOWED, "/", null);

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElseThrow()).contains("/oauth2/authorization/keycloak");
    }

    @Test
    @WithMockUser(roles = Roles.ADMIN)
    void aClientFromAnotherAddressIsRefusedBeforeSignInWithAMessageAndAudited() throws Exception {
        HttpResponse<String> response = get(OUTSIDER, "/audit?from=outsider", null);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Location")).isEmpty();
        assertThat(response.body()).contains("internal company network");
        assertThat(response.headers().allValues("Set-Cookie")).isEmpty(); // no session for strangers
        assertThat(deniedDetails()).anyMatch(detail -> detail.startsWith("network 127.0.0.2 /audit"));
    }

    @Test
    void aRussianBrowserIsRefusedInRussian() throws Exception {
        HttpResponse<String> response =
                send(RUSSIAN_OUTSIDER, HttpRequest.newBuilder(url("/")).header("Accept-Language", "ru-RU"));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("внутренней сети");
    }

    @Test
    void aForgedForwardedForFromAnUntrustedAddressIsIgnored() throws Exception {
        assertThat(get(FORGER, "/", "127.0.0.1").statusCode()).isEqualTo(403);
    }

    @Test
    @WithMockUser(roles = Roles.ADMIN)
    void aTrustedProxyIsBelievedAboutTheClientItForwards() throws Exception {
        assertThat(get(PROXY, "/", "127.0.0.1").statusCode()).isEqualTo(302);
        assertThat(get(PROXY, "/", "8.8.8.8").statusCode()).isEqualTo(403);
        // the proxy itself is not a client that may enter
        assertThat(get(PROXY, "/", null).statusCode()).isEqualTo(403);
        assertThat(deniedDetails()).anyMatch(detail -> detail.startsWith("network 8.8.8.8 /"));
    }

    @Test
    void aProxyCannotHideAForgedAddressInFrontOfTheRealOne() throws Exception {
        // the client wrote "127.0.0.1" itself; the proxy appended the address it really saw
        assertThat(get(PROXY, "/", "127.0.0.1, 8.8.8.8").statusCode()).isEqualTo(403);
    }

    private List<String> deniedDetails() {
        return audit.page(AuditEventType.ACCESS_DENIED, 0, 50).stream()
                .map(AuditEvent::getDetail)
                .toList();
    }

    private HttpResponse<String> get(InetAddress from, String path, String forwardedFor) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(url(path));
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        return send(from, request);
    }

    private HttpResponse<String> send(InetAddress from, HttpRequest.Builder request) throws Exception {
        try (HttpClient client = TestPortal.clientFrom(from)) {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    private URI url(String path) {
        return URI.create(TestPortal.SCHEME + "://127.0.0.1:" + port + path);
    }

    private static InetAddress address(String literal) {
        return InetAddress.ofLiteral(literal);
    }
}

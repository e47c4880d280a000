package com.jewellery.ordertracing.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.jewellery.ordertracing.support.IntegrationTest;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * The portal with the {@code tls} profile, as bin/demo runs it: HTTPS only with the certificate bin/stack made,
 * HSTS, a Secure session cookie, and no plain HTTP on the port. The client trusts the local CA and nothing else
 * it was not told to.
 */
@IntegrationTest
@ActiveProfiles({"it", "tls"})
@TestPropertySource(properties = "server.port=0")
class PortalHttpsIT {

    private static final Path TLS = Path.of(System.getenv()
            .getOrDefault("PORTAL_TLS_DIR", System.getProperty("user.home") + "/.cache/order-portal/tls"));

    @LocalServerPort
    int port;

    @Test
    void theSignInRedirectComesOverHttpsWithHstsAndASecureCookie() throws Exception {
        HttpResponse<String> response;
        try (HttpClient client = HttpClient.newBuilder()
                .sslContext(trustingTheLocalCa())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build()) {
            response = client.send(
                    HttpRequest.newBuilder(URI.create("https://localhost:" + port + "/"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Strict-Transport-Security").orElseThrow())
                .contains("max-age=");
        assertThat(response.headers().allValues("Set-Cookie"))
                .filteredOn(cookie -> cookie.startsWith("JSESSIONID="))
                .singleElement()
                .satisfies(cookie -> assertThat(cookie).contains("Secure", "HttpOnly", "SameSite=Lax"));
        assertThat(response.headers().firstValue("Content-Security-Policy")).isPresent();
    }

    @Test
    void aClientThatDoesNotKnowTheLocalCaIsRefusedTheHandshake() {
        assertThatThrownBy(() -> {
                    try (HttpClient client = HttpClient.newHttpClient()) {
                        client.send(
                                HttpRequest.newBuilder(URI.create("https://localhost:" + port + "/"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                    }
                })
                .hasRootCauseInstanceOf(java.security.cert.CertPathBuilderException.class)
                .isInstanceOf(SSLHandshakeException.class);
    }

    @Test
    void plainHttpOnThePortGetsNoPage() throws Exception {
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> response = client.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            // Tomcat answers plain HTTP on a TLS port itself, with 400 and nothing of the portal
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.body()).contains("requires TLS").doesNotContain("Vaadin", "Tomcat");
        }
    }

    private static SSLContext trustingTheLocalCa() throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        try (InputStream ca = Files.newInputStream(TLS.resolve("ca.pem"))) {
            trust.setCertificateEntry(
                    "local-ca",
                    java.security.cert.CertificateFactory.getInstance("X.509").generateCertificate(ca));
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }
}

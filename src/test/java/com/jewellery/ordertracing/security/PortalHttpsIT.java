package com.jewellery.ordertracing.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.jewellery.ordertracing.support.IntegrationTest;
import com.jewellery.ordertracing.support.LocalTls;
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
import org.springframework.test.context.TestPropertySource;

/**
 * The portal as it runs by default (and in every test tier, and in bin/demo): HTTPS only with the certificate
 * bin/stack made, HSTS, a Secure session cookie, and no plain HTTP on the port. One client trusts the local CA and
 * nothing else; the other only the JDK's own CAs, as a browser that was never told about the local CA.
 */
@IntegrationTest
@TestPropertySource(properties = "server.port=0")
class PortalHttpsIT {

    private static final Path TLS = LocalTls.DIR;

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
                    try (HttpClient client = HttpClient.newBuilder()
                            .sslContext(trustingOnlyTheJdksCas())
                            .build()) {
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
        return trusting(trust);
    }

    /** The JDK's cacerts, not the trust store bin/stack env gives every test JVM (which holds the local CA). */
    private static SSLContext trustingOnlyTheJdksCas() throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        try (InputStream cacerts =
                Files.newInputStream(Path.of(System.getProperty("java.home"), "lib", "security", "cacerts"))) {
            trust.load(cacerts, "changeit".toCharArray());
        }
        return trusting(trust);
    }

    private static SSLContext trusting(KeyStore trust) throws Exception {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }
}

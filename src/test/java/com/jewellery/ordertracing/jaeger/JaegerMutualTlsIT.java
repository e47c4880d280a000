package com.jewellery.ordertracing.jaeger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Mutual TLS to Jaeger for real (issue 14): the stack's Jaeger binary, started here (as JaegerTlsIT does, on
 * ports of its own) with a query port that verifies clients against the stack's CA ({@code client_ca_file}).
 * The portal's client with a certificate from that CA is served; without one, or with one from another CA, the
 * call fails with a message naming the client certificate settings.
 */
class JaegerMutualTlsIT {

    private static final Path TLS = PrivateJaeger.TLS;
    private static final int QUERY_GRPC = 22685;

    private static Path work;
    private static PrivateJaeger jaeger;

    @BeforeAll
    static void startJaegerVerifyingClients() throws Exception {
        work = Files.createTempDirectory("jaeger-mtls-it");
        PrivateJaeger.stackCertificate(work, "portal", "/CN=portal", "extendedKeyUsage=clientAuth");
        PrivateJaeger.certificateAuthority(work, "stranger-ca", "/CN=Some other CA");
        PrivateJaeger.certificate(
                work,
                "stranger",
                work.resolve("stranger-ca.pem"),
                work.resolve("stranger-ca-key.pem"),
                "/CN=stranger",
                "extendedKeyUsage=clientAuth");
        String verifying = PrivateJaeger.serverTls("client_ca_file: " + TLS.resolve("ca.pem"));
        jaeger = PrivateJaeger.start(
                work,
                new PrivateJaeger.Listener(22686, verifying),
                new PrivateJaeger.Listener(QUERY_GRPC, verifying),
                new PrivateJaeger.Listener(22317, null),
                new PrivateJaeger.Listener(22318, null));
    }

    @AfterAll
    static void stopJaeger() throws InterruptedException {
        if (jaeger != null) {
            jaeger.close();
        }
    }

    @Test
    void aClientCertificateFromJaegersCaIsServed() {
        try (JaegerChannel channel = JaegerChannel.open(
                "localhost:" + QUERY_GRPC,
                true,
                TLS.resolve("ca.pem"),
                work.resolve("portal.pem"),
                work.resolve("portal-key.pem"))) {
            JaegerClient client = new JaegerClient(channel.channel(), JaegerClientSettings.DEFAULTS);
            assertThat(client.services()).isNotNull();
        }
    }

    @Test
    void withoutAClientCertificateTheCallFailsNamingTheSetting() {
        assertThat(failureWith(null, null)).contains("TLS to Jaeger", "portal.jaeger.client-cert-file");
    }

    @Test
    void aClientCertificateFromAnotherCaIsRefusedNamingTheSetting() {
        assertThat(failureWith(work.resolve("stranger.pem"), work.resolve("stranger-key.pem")))
                .contains("TLS to Jaeger", "portal.jaeger.client-cert-file");
    }

    /** The message of the failure of one call, or null if the call worked. */
    private static String failureWith(Path cert, Path key) {
        return PrivateJaeger.failureOf(
                JaegerChannel.open("localhost:" + QUERY_GRPC, true, TLS.resolve("ca.pem"), cert, key));
    }
}

package com.jewellery.ordertracing.jaeger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jewellery.orderflow.instrumentation.SamplingMode;
import com.jewellery.orderflow.instrumentation.Telemetry;
import com.jewellery.orderflow.instrumentation.TelemetrySettings;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * TLS to Jaeger for real: the stack's own Jaeger binary, started here with a {@code tls:} block on every listener
 * and the stack's certificates (bin/stack makes them), beside the stack's plaintext one. The portal's client
 * verifies the CA; the order flow's exporter sends over TLS with it; a wrong CA or a certificate for another
 * host fails with a message naming the setting to fix.
 */
class JaegerTlsIT {

    private static final Path TLS = PrivateJaeger.TLS;
    private static final int QUERY_GRPC = 21685;
    private static final int QUERY_HTTP = 21686;
    private static final int OTLP_GRPC = 21317;
    private static final int OTLP_HTTP = 21318;
    private static final String SERVICE =
            "jaeger-tls-it-" + UUID.randomUUID().toString().substring(0, 8);

    private static Path work;
    private static PrivateJaeger jaeger;

    @BeforeAll
    static void startJaegerWithTls() throws Exception {
        work = Files.createTempDirectory("jaeger-tls-it");
        // the query HTTP port gets a certificate for another host, to see the client refuse it
        PrivateJaeger.stackCertificate(
                work,
                "other",
                "/CN=jaeger.elsewhere",
                "subjectAltName=DNS:jaeger.elsewhere",
                "extendedKeyUsage=serverAuth");
        PrivateJaeger.certificateAuthority(work, "stranger-ca", "/CN=Some other CA");
        String good = PrivateJaeger.serverTls("");
        String other =
                "{cert_file: " + work.resolve("other.pem") + ", key_file: " + work.resolve("other-key.pem") + "}";
        jaeger = PrivateJaeger.start(
                work,
                new PrivateJaeger.Listener(QUERY_HTTP, other),
                new PrivateJaeger.Listener(QUERY_GRPC, good),
                new PrivateJaeger.Listener(OTLP_GRPC, good),
                new PrivateJaeger.Listener(OTLP_HTTP, good));
    }

    @AfterAll
    static void stopJaeger() throws InterruptedException {
        if (jaeger != null) {
            jaeger.close();
        }
    }

    @Test
    void theFlowsSpansGoOverTlsAndThePortalReadsThemOverTlsVerifyingTheCa() {
        OpenTelemetrySdk sdk = Telemetry.create(
                SERVICE,
                new TelemetrySettings(
                        "https://localhost:" + OTLP_GRPC, SamplingMode.RATIO, 1.0, TLS.resolve("ca.pem")));
        sdk.getTracer("jaeger-tls-it").spanBuilder("order.create").startSpan().end();
        Telemetry.flush(sdk);
        sdk.close();

        try (JaegerChannel channel = JaegerChannel.open("localhost:" + QUERY_GRPC, true, TLS.resolve("ca.pem"))) {
            JaegerClient client = new JaegerClient(channel.channel(), JaegerClientSettings.DEFAULTS);
            await().atMost(Duration.ofSeconds(15))
                    .pollInterval(Duration.ofMillis(300))
                    .until(() -> client.services().contains(SERVICE));
        }
    }

    @Test
    void aCertificateFromAnotherCaIsRefusedNamingTheCaSetting() {
        assertThat(failureWith("localhost:" + QUERY_GRPC, work.resolve("stranger-ca.pem")))
                .contains("not signed by a trusted CA", "portal.jaeger.ca-file");
    }

    @Test
    void aCertificateForAnotherHostIsRefusedNamingTheEndpointSetting() {
        assertThat(failureWith("localhost:" + QUERY_HTTP, TLS.resolve("ca.pem")))
                .contains("not issued for the host", "portal.jaeger.endpoint");
    }

    /** The message of the failure of one call, or null if the call worked. */
    private static String failureWith(String endpoint, Path caFile) {
        return PrivateJaeger.failureOf(JaegerChannel.open(endpoint, true, caFile));
    }
}

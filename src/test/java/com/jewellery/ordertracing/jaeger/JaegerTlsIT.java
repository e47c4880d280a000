package com.jewellery.ordertracing.jaeger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jewellery.orderflow.instrumentation.SamplingMode;
import com.jewellery.orderflow.instrumentation.Telemetry;
import com.jewellery.orderflow.instrumentation.TelemetrySettings;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
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

    private static final Path STACK_HOME = Path.of(
            System.getenv().getOrDefault("STACK_HOME", System.getProperty("user.home") + "/.cache/order-portal"));
    private static final Path TLS = Path.of(System.getenv().getOrDefault("PORTAL_TLS_DIR", STACK_HOME + "/tls"));
    private static final int QUERY_GRPC = 21685;
    private static final int QUERY_HTTP = 21686;
    private static final int OTLP_GRPC = 21317;
    private static final int OTLP_HTTP = 21318;
    private static final String SERVICE =
            "jaeger-tls-it-" + UUID.randomUUID().toString().substring(0, 8);

    private static Path work;
    private static Process jaeger;

    @BeforeAll
    static void startJaegerWithTls() throws Exception {
        work = Files.createTempDirectory("jaeger-tls-it");
        // the query HTTP port gets a certificate for another host, to see the client refuse it
        openssl(
                "req",
                "-x509",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-days",
                "1",
                "-CA",
                TLS.resolve("ca.pem").toString(),
                "-CAkey",
                TLS.resolve("ca-key.pem").toString(),
                "-keyout",
                work.resolve("other-key.pem").toString(),
                "-out",
                work.resolve("other.pem").toString(),
                "-subj",
                "/CN=jaeger.elsewhere",
                "-addext",
                "subjectAltName=DNS:jaeger.elsewhere",
                "-addext",
                "extendedKeyUsage=serverAuth");
        openssl(
                "req",
                "-x509",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-days",
                "1",
                "-keyout",
                work.resolve("stranger-ca-key.pem").toString(),
                "-out",
                work.resolve("stranger-ca.pem").toString(),
                "-subj",
                "/CN=Some other CA",
                "-addext",
                "basicConstraints=critical,CA:TRUE");
        String good = "{cert_file: " + TLS.resolve("server.pem") + ", key_file: " + TLS.resolve("server-key.pem") + "}";
        String other =
                "{cert_file: " + work.resolve("other.pem") + ", key_file: " + work.resolve("other-key.pem") + "}";
        Path config = work.resolve("config.yaml");
        Files.writeString(config, """
                service:
                  extensions: [jaeger_storage, jaeger_query]
                  pipelines:
                    traces: {receivers: [otlp], processors: [batch], exporters: [jaeger_storage_exporter]}
                  telemetry: {metrics: {level: none}, logs: {level: warn}}
                extensions:
                  jaeger_query:
                    storage: {traces: memstore}
                    http: {endpoint: 127.0.0.1:%d, tls: %s}
                    grpc: {endpoint: 127.0.0.1:%d, tls: %s}
                  jaeger_storage:
                    backends: {memstore: {memory: {max_traces: 1000}}}
                receivers:
                  otlp:
                    protocols:
                      grpc: {endpoint: 127.0.0.1:%d, tls: %s}
                      http: {endpoint: 127.0.0.1:%d, tls: %s}
                processors:
                  batch:
                exporters:
                  jaeger_storage_exporter: {trace_storage: memstore}
                """.formatted(QUERY_HTTP, other, QUERY_GRPC, good, OTLP_GRPC, good, OTLP_HTTP, good));
        jaeger = new ProcessBuilder(STACK_HOME.resolve("bin/jaeger").toString(), "--config", config.toString())
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("jaeger.log").toFile())
                .start();
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    assertThat(jaeger.isAlive())
                            .as("Jaeger with TLS runs; log: %s", work.resolve("jaeger.log"))
                            .isTrue();
                    return listening(QUERY_GRPC) && listening(OTLP_GRPC);
                });
    }

    @AfterAll
    static void stopJaeger() throws InterruptedException {
        if (jaeger != null) {
            jaeger.destroy();
            if (!jaeger.waitFor(10, TimeUnit.SECONDS)) {
                jaeger.destroyForcibly();
            }
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
        try (JaegerChannel channel = JaegerChannel.open(endpoint, true, caFile)) {
            JaegerClient client = new JaegerClient(channel.channel(), JaegerClientSettings.DEFAULTS);
            try {
                client.services();
                return null;
            } catch (JaegerException failure) {
                return failure.getMessage();
            }
        }
    }

    private static boolean listening(int port) {
        try (Socket ignored = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    private static void openssl(String... arguments) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("openssl"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor()).as("openssl %s: %s", command, output).isZero();
    }
}

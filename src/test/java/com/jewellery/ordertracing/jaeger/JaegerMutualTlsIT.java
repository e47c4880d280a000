package com.jewellery.ordertracing.jaeger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
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

    private static final Path STACK_HOME = Path.of(
            System.getenv().getOrDefault("STACK_HOME", System.getProperty("user.home") + "/.cache/order-portal"));
    private static final Path TLS = Path.of(System.getenv().getOrDefault("PORTAL_TLS_DIR", STACK_HOME + "/tls"));
    private static final int QUERY_GRPC = 22685;
    private static final int QUERY_HTTP = 22686;
    private static final int OTLP_GRPC = 22317;
    private static final int OTLP_HTTP = 22318;

    private static Path work;
    private static Process jaeger;

    @BeforeAll
    static void startJaegerVerifyingClients() throws Exception {
        work = Files.createTempDirectory("jaeger-mtls-it");
        clientCertificate("portal", TLS.resolve("ca.pem"), TLS.resolve("ca-key.pem"));
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
        clientCertificate("stranger", work.resolve("stranger-ca.pem"), work.resolve("stranger-ca-key.pem"));
        String server = "cert_file: " + TLS.resolve("server.pem") + ", key_file: " + TLS.resolve("server-key.pem");
        String verifying = "{" + server + ", client_ca_file: " + TLS.resolve("ca.pem") + "}";
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
                    backends: {memstore: {memory: {max_traces: 100}}}
                receivers:
                  otlp:
                    protocols:
                      grpc: {endpoint: 127.0.0.1:%d}
                      http: {endpoint: 127.0.0.1:%d}
                processors:
                  batch:
                exporters:
                  jaeger_storage_exporter: {trace_storage: memstore}
                """.formatted(QUERY_HTTP, verifying, QUERY_GRPC, verifying, OTLP_GRPC, OTLP_HTTP));
        jaeger = new ProcessBuilder(STACK_HOME.resolve("bin/jaeger").toString(), "--config", config.toString())
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("jaeger.log").toFile())
                .start();
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    assertThat(jaeger.isAlive())
                            .as("Jaeger with mutual TLS runs; log: %s", work.resolve("jaeger.log"))
                            .isTrue();
                    return listening(QUERY_GRPC);
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
        try (JaegerChannel channel =
                JaegerChannel.open("localhost:" + QUERY_GRPC, true, TLS.resolve("ca.pem"), cert, key)) {
            JaegerClient client = new JaegerClient(channel.channel(), JaegerClientSettings.DEFAULTS);
            try {
                client.services();
                return null;
            } catch (JaegerException failure) {
                return failure.getMessage();
            }
        }
    }

    /** A client certificate {@code <name>.pem} with its PKCS#8 key {@code <name>-key.pem}, signed by the CA. */
    private static void clientCertificate(String name, Path ca, Path caKey) throws Exception {
        openssl(
                "req",
                "-x509",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-days",
                "1",
                "-CA",
                ca.toString(),
                "-CAkey",
                caKey.toString(),
                "-keyout",
                work.resolve(name + "-key.pem").toString(),
                "-out",
                work.resolve(name + ".pem").toString(),
                "-subj",
                "/CN=" + name,
                "-addext",
                "extendedKeyUsage=clientAuth");
    }

    private static boolean listening(int port) {
        try (Socket ignored = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    private static void openssl(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor()).as("openssl %s: %s", command, output).isZero();
    }
}

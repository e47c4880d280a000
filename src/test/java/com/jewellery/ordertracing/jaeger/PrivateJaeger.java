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

/**
 * A Jaeger of a test's own: the stack's binary (bin/stack builds it) with a config of the test's listeners, on
 * ports of its own beside the shared one, and the openssl calls that make its certificates from the stack's CA.
 * Each listener's {@code tls} is a YAML flow map, or null for plaintext.
 */
final class PrivateJaeger implements AutoCloseable {

    static final Path STACK_HOME = Path.of(
            System.getenv().getOrDefault("STACK_HOME", System.getProperty("user.home") + "/.cache/order-portal"));
    static final Path TLS = Path.of(System.getenv().getOrDefault("PORTAL_TLS_DIR", STACK_HOME + "/tls"));

    /** One listener: its port and TLS settings (null: plaintext). */
    record Listener(int port, String tls) {
        String yaml() {
            return "{endpoint: 127.0.0.1:" + port + (tls == null ? "" : ", tls: " + tls) + "}";
        }
    }

    private final Process process;

    private PrivateJaeger(Process process) {
        this.process = process;
    }

    /** Starts Jaeger with these listeners and waits until the query gRPC and OTLP gRPC ports listen. */
    static PrivateJaeger start(Path work, Listener queryHttp, Listener queryGrpc, Listener otlpGrpc, Listener otlpHttp)
            throws IOException {
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
                    http: %s
                    grpc: %s
                  jaeger_storage:
                    backends: {memstore: {memory: {max_traces: 1000}}}
                receivers:
                  otlp:
                    protocols:
                      grpc: %s
                      http: %s
                processors:
                  batch:
                exporters:
                  jaeger_storage_exporter: {trace_storage: memstore}
                """.formatted(queryHttp.yaml(), queryGrpc.yaml(), otlpGrpc.yaml(), otlpHttp.yaml()));
        Process process = new ProcessBuilder(STACK_HOME.resolve("bin/jaeger").toString(), "--config", config.toString())
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("jaeger.log").toFile())
                .start();
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    assertThat(process.isAlive())
                            .as("the test's Jaeger runs; log: %s", work.resolve("jaeger.log"))
                            .isTrue();
                    return listening(queryGrpc.port()) && listening(otlpGrpc.port());
                });
        return new PrivateJaeger(process);
    }

    /** The stack's server certificate as a listener's TLS settings, plus extra settings (may be empty). */
    static String serverTls(String extra) {
        return "{cert_file: " + TLS.resolve("server.pem") + ", key_file: " + TLS.resolve("server-key.pem")
                + (extra.isEmpty() ? "" : ", " + extra) + "}";
    }

    /** A self-signed CA {@code <name>.pem} with its key {@code <name>-key.pem} in {@code dir}. */
    static void certificateAuthority(Path dir, String name, String subject) throws Exception {
        openssl(
                "req",
                "-x509",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-days",
                "1",
                "-keyout",
                dir.resolve(name + "-key.pem").toString(),
                "-out",
                dir.resolve(name + ".pem").toString(),
                "-subj",
                subject,
                "-addext",
                "basicConstraints=critical,CA:TRUE");
    }

    /**
     * A certificate {@code <name>.pem} with its PKCS#8 key {@code <name>-key.pem} in {@code dir}, signed by the
     * CA, with these {@code -addext} extensions.
     */
    static void certificate(Path dir, String name, Path ca, Path caKey, String subject, String... extensions)
            throws Exception {
        List<String> arguments = new ArrayList<>(List.of(
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
                dir.resolve(name + "-key.pem").toString(),
                "-out",
                dir.resolve(name + ".pem").toString(),
                "-subj",
                subject));
        for (String extension : extensions) {
            arguments.add("-addext");
            arguments.add(extension);
        }
        openssl(arguments.toArray(String[]::new));
    }

    /** A certificate signed by the stack's CA ({@link #certificate}). */
    static void stackCertificate(Path dir, String name, String subject, String... extensions) throws Exception {
        certificate(dir, name, TLS.resolve("ca.pem"), TLS.resolve("ca-key.pem"), subject, extensions);
    }

    /** The message of the failure of one call over this channel, or null if the call worked. */
    static String failureOf(JaegerChannel channel) {
        try (channel) {
            new JaegerClient(channel.channel(), JaegerClientSettings.DEFAULTS).services();
            return null;
        } catch (JaegerException failure) {
            return failure.getMessage();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
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
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor()).as("openssl %s: %s", command, output).isZero();
    }
}

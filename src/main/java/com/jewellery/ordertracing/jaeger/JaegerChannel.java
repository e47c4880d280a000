package com.jewellery.ordertracing.jaeger;

import io.grpc.ChannelCredentials;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.TlsChannelCredentials;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The gRPC connection to Jaeger's query port. Open one per application, hand {@link #channel()} to
 * {@link JaegerClient}, close it on shutdown.
 */
public final class JaegerChannel implements AutoCloseable {

    /**
     * Go gRPC servers such as Jaeger's answer pings more often than every five minutes by default with
     * GOAWAY "too_many_pings"; our calls are short and carry deadlines, so rare pings are enough.
     */
    private static final Duration KEEPALIVE_TIME = Duration.ofMinutes(5);

    private static final Duration KEEPALIVE_TIMEOUT = Duration.ofSeconds(20);
    /** Jaeger streams a trace in chunks, but one chunk of a big trace can exceed gRPC's 4 MiB default. */
    private static final int MAX_INBOUND_MESSAGE_BYTES = 64 * 1024 * 1024;

    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(5);

    private final ManagedChannel channel;

    private JaegerChannel(ManagedChannel channel) {
        this.channel = channel;
    }

    /**
     * Opens a channel; it connects lazily, on the first call.
     *
     * @param endpoint {@code host:port} of Jaeger's api_v3 gRPC port, e.g. {@code 127.0.0.1:16685}
     * @param tls      whether Jaeger's port speaks TLS
     * @param caFile   PEM file with the CA that signed Jaeger's certificate, or {@code null} for the JVM's
     *                 trusted CAs; only with TLS
     */
    public static JaegerChannel open(String endpoint, boolean tls, Path caFile) {
        return open(endpoint, tls, caFile, null, null);
    }

    /**
     * Opens a channel that also presents a client certificate (mutual TLS), for a Jaeger whose query port
     * verifies its clients ({@code tls: {client_ca_file: ...}}).
     *
     * @param clientCertFile PEM certificate (chain) of the portal, or {@code null} for none; only with TLS
     * @param clientKeyFile  its PEM private key (PKCS#8), given exactly when the certificate is
     */
    public static JaegerChannel open(
            String endpoint, boolean tls, Path caFile, Path clientCertFile, Path clientKeyFile) {
        if (caFile != null && !tls) {
            throw new IllegalArgumentException(
                    "a CA file (" + caFile + ") is set for Jaeger but TLS is off: set portal.jaeger.tls=true");
        }
        if ((clientCertFile == null) != (clientKeyFile == null)) {
            throw new IllegalArgumentException("a client certificate for Jaeger needs both"
                    + " portal.jaeger.client-cert-file and portal.jaeger.client-key-file (one is set)");
        }
        if (clientCertFile != null && !tls) {
            throw new IllegalArgumentException("a client certificate (" + clientCertFile
                    + ") is set for Jaeger but TLS is off: set portal.jaeger.tls=true");
        }
        HostPort address = HostPort.parse(endpoint);
        ManagedChannel channel = Grpc.newChannelBuilderForAddress(
                        address.host(), address.port(), credentials(tls, caFile, clientCertFile, clientKeyFile))
                .keepAliveTime(KEEPALIVE_TIME.toSeconds(), TimeUnit.SECONDS)
                .keepAliveTimeout(KEEPALIVE_TIMEOUT.toSeconds(), TimeUnit.SECONDS)
                .keepAliveWithoutCalls(false)
                .maxInboundMessageSize(MAX_INBOUND_MESSAGE_BYTES)
                .build();
        return new JaegerChannel(channel);
    }

    /** A plaintext channel, as for a local Jaeger. */
    public static JaegerChannel plaintext(String endpoint) {
        return open(endpoint, false, null);
    }

    public ManagedChannel channel() {
        return channel;
    }

    /** Lets running calls finish for a few seconds, then cuts them. */
    @Override
    public void close() {
        channel.shutdown();
        try {
            if (!channel.awaitTermination(SHUTDOWN_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                channel.shutdownNow();
            }
        } catch (InterruptedException interrupted) {
            channel.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private static ChannelCredentials credentials(boolean tls, Path caFile, Path clientCertFile, Path clientKeyFile) {
        if (!tls) {
            return InsecureChannelCredentials.create();
        }
        if (caFile == null && clientCertFile == null) {
            return TlsChannelCredentials.create();
        }
        TlsChannelCredentials.Builder builder = TlsChannelCredentials.newBuilder();
        if (caFile != null) {
            try {
                builder.trustManager(caFile.toFile());
            } catch (IOException | IllegalArgumentException unreadable) {
                throw new IllegalArgumentException(
                        "cannot read the CA file for Jaeger (" + caFile
                                + "): check portal.jaeger.ca-file points at a PEM certificate",
                        unreadable);
            }
        }
        if (clientCertFile != null) {
            try {
                builder.keyManager(clientCertFile.toFile(), clientKeyFile.toFile());
            } catch (IOException | IllegalArgumentException unreadable) {
                throw new IllegalArgumentException(
                        "cannot read the client certificate for Jaeger (" + clientCertFile + ", " + clientKeyFile
                                + "): check portal.jaeger.client-cert-file and client-key-file point at a PEM"
                                + " certificate and its PKCS#8 key",
                        unreadable);
            }
        }
        return builder.build();
    }

    /** {@code host:port}, with IPv6 hosts in brackets ({@code [::1]:16685}). */
    record HostPort(String host, int port) {

        static HostPort parse(String endpoint) {
            int colon = endpoint == null ? -1 : endpoint.lastIndexOf(':');
            if (colon <= 0 || colon == endpoint.length() - 1) {
                throw invalid(endpoint);
            }
            String host = endpoint.substring(0, colon);
            if (host.startsWith("[") && host.endsWith("]")) {
                host = host.substring(1, host.length() - 1);
            }
            try {
                int port = Integer.parseInt(endpoint.substring(colon + 1));
                if (port < 1 || port > 65535) {
                    throw invalid(endpoint);
                }
                return new HostPort(host, port);
            } catch (NumberFormatException notANumber) {
                throw invalid(endpoint);
            }
        }

        private static IllegalArgumentException invalid(String endpoint) {
            return new IllegalArgumentException(
                    "portal.jaeger.endpoint must be host:port, e.g. 127.0.0.1:16685, got '" + endpoint + "'");
        }
    }
}

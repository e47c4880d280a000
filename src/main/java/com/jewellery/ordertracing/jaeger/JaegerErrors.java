package com.jewellery.ordertracing.jaeger;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.Locale;

/** Turns gRPC failures into {@link JaegerException}s whose message tells the reader what to do. */
final class JaegerErrors {

    private final String target;
    private final Duration deadline;

    JaegerErrors(String target, Duration deadline) {
        this.target = target;
        this.deadline = deadline;
    }

    JaegerException of(StatusRuntimeException failure) {
        Status status = failure.getStatus();
        String detail = detail(status);
        JaegerException tls = tlsFailure(status, failure);
        if (tls != null) {
            return tls;
        }
        return switch (status.getCode()) {
            case UNAVAILABLE ->
                new JaegerException(
                        JaegerException.Kind.UNREACHABLE,
                        "Jaeger is not reachable at " + target + ": check portal.jaeger.endpoint and that Jaeger runs"
                                + plaintextHint(detail) + " (" + detail + ")",
                        failure);
            case DEADLINE_EXCEEDED ->
                new JaegerException(
                        JaegerException.Kind.TIMEOUT,
                        "Jaeger at " + target + " did not answer within " + seconds(deadline)
                                + "; narrow the time range or raise portal.jaeger.deadline",
                        failure);
            // Jaeger answers a query it cannot run with UNKNOWN (e.g. no time range), not INVALID_ARGUMENT.
            case INVALID_ARGUMENT, UNKNOWN, FAILED_PRECONDITION, OUT_OF_RANGE ->
                new JaegerException(
                        JaegerException.Kind.REJECTED,
                        "Jaeger at " + target + " rejected the query: " + detail,
                        failure);
            case UNIMPLEMENTED ->
                new JaegerException(
                        JaegerException.Kind.UNSUPPORTED,
                        "The server at " + target + " does not offer Jaeger's api_v3 query service (" + detail
                                + "): point portal.jaeger.endpoint at Jaeger's query gRPC port (16685), not at OTLP (4317)",
                        failure);
            case UNAUTHENTICATED, PERMISSION_DENIED ->
                new JaegerException(
                        JaegerException.Kind.ACCESS_DENIED,
                        "Jaeger at " + target + " refused access (" + detail
                                + "): check portal.jaeger.tls, portal.jaeger.ca-file and any proxy in front of Jaeger",
                        failure);
            case RESOURCE_EXHAUSTED ->
                new JaegerException(
                        JaegerException.Kind.OVERLOADED,
                        "Jaeger at " + target + " is overloaded or its answer is too large (" + detail
                                + "): narrow the time range or lower portal.jaeger.search-depth",
                        failure);
            case CANCELLED ->
                new JaegerException(
                        JaegerException.Kind.CANCELLED,
                        "The call to Jaeger at " + target + " was cancelled (" + detail + ")",
                        failure);
            default ->
                new JaegerException(
                        JaegerException.Kind.FAILED,
                        "Jaeger at " + target + " failed with " + status.getCode() + " (" + detail
                                + "): see Jaeger's log",
                        failure);
        };
    }

    /**
     * A TLS handshake that failed says "io exception" at the gRPC level; the reason is in the cause chain and
     * tells which setting is wrong: the CA, the host name, or TLS itself.
     */
    private JaegerException tlsFailure(Status status, StatusRuntimeException failure) {
        for (Throwable cause = status.getCause(); cause != null; cause = cause.getCause()) {
            if (!(cause instanceof javax.net.ssl.SSLException
                    || cause instanceof java.security.cert.CertificateException)) {
                continue;
            }
            String reason = String.valueOf(cause.getMessage());
            String advice;
            if (reason.contains("subject alternative") || reason.contains("No name matching")) {
                advice = "Jaeger's certificate is not issued for the host in portal.jaeger.endpoint: connect by a name "
                        + "or address its certificate names";
            } else if (reason.contains("PKIX") || reason.contains("certification path") || reason.contains("trust")) {
                advice = "Jaeger's certificate is not signed by a trusted CA: set portal.jaeger.ca-file to the CA "
                        + "that signed it";
            } else if (reason.contains("not an SSL/TLS record")) {
                advice =
                        "this port does not speak TLS: check portal.jaeger.tls and that Jaeger's query port has TLS on";
            } else {
                advice = "the TLS handshake failed: check that portal.jaeger.tls matches Jaeger's port";
            }
            return new JaegerException(
                    JaegerException.Kind.UNREACHABLE,
                    "TLS to Jaeger at " + target + " failed: " + advice + " (" + reason + ")",
                    failure);
        }
        return null;
    }

    /**
     * A plaintext channel to a TLS port gets no TLS error: the server hangs up on the bytes it cannot read, which
     * gRPC reports only as a network that closed.
     */
    private static String plaintextHint(String detail) {
        return detail.contains("Network closed for unknown reason")
                ? "; if Jaeger's port speaks TLS, set portal.jaeger.tls=true"
                : "";
    }

    JaegerException badResponse(RuntimeException cause) {
        return new JaegerException(
                JaegerException.Kind.BAD_RESPONSE,
                "Jaeger at " + target + " sent data the portal cannot read (" + cause.getMessage()
                        + "): check that portal.jaeger.endpoint points at Jaeger v2's api_v3 port",
                cause);
    }

    JaegerException interrupted(InterruptedException cause) {
        return new JaegerException(
                JaegerException.Kind.CANCELLED,
                "The call to Jaeger at " + target + " was cancelled: the waiting thread was interrupted",
                cause);
    }

    private static String detail(Status status) {
        if (status.getDescription() != null) {
            return status.getDescription();
        }
        return status.getCause() != null
                ? status.getCause().toString()
                : status.getCode().toString();
    }

    static String seconds(Duration duration) {
        return duration.toMillis() % 1000 == 0
                ? duration.toSeconds() + "s"
                : String.format(Locale.ROOT, "%.1fs", duration.toMillis() / 1000.0);
    }
}

package com.jewellery.ordertracing.jaeger;

/**
 * A call to Jaeger failed. The message says what to do; {@link #kind()} lets callers react without
 * parsing it (for example show "Jaeger is down" instead of "no results").
 */
public class JaegerException extends RuntimeException {

    /** What went wrong, coarse enough for a caller to pick a reaction. */
    public enum Kind {
        /** Jaeger cannot be reached: wrong endpoint, Jaeger down, TLS mismatch. */
        UNREACHABLE,
        /** Jaeger did not answer within the deadline. */
        TIMEOUT,
        /** Jaeger refused the query itself (bad time range, search depth, attribute). */
        REJECTED,
        /** The endpoint speaks gRPC but is not Jaeger's api_v3 query service. */
        UNSUPPORTED,
        /** Jaeger (or a proxy in front of it) refused our credentials. */
        ACCESS_DENIED,
        /** Jaeger is overloaded or the answer is larger than we accept. */
        OVERLOADED,
        /** The call was cancelled, usually because the calling thread was interrupted. */
        CANCELLED,
        /** Jaeger answered with data we cannot read. */
        BAD_RESPONSE,
        /** Any other failure inside Jaeger. */
        FAILED
    }

    private final Kind kind;

    public JaegerException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}

package com.jewellery.ordertracing.support;

import com.jewellery.ordertracing.jaeger.JaegerChannel;

/**
 * The two Jaegers {@code bin/stack} runs, both TLS on every listener with the local CA (which the tests' JVM
 * trusts through {@code bin/stack env}): the default on Badger storage, and one on the memory store.
 *
 * @param query    api_v3 gRPC {@code host:port}
 * @param otlp     OTLP/gRPC endpoint for the SDK's exporter
 * @param queryUrl the query HTTP API and UI
 */
public record StackJaeger(String query, String otlp, String queryUrl) {

    public static final StackJaeger BADGER =
            new StackJaeger("127.0.0.1:16685", "https://127.0.0.1:4317", "https://localhost:16686");
    public static final StackJaeger MEMORY =
            new StackJaeger("127.0.0.1:14685", "https://127.0.0.1:14317", "https://localhost:14686");

    /** A TLS channel to the query port, verified with the JVM's trust store. */
    public JaegerChannel open() {
        return JaegerChannel.open(query, true, null);
    }
}

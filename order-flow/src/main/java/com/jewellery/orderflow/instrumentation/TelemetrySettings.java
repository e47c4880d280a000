package com.jewellery.orderflow.instrumentation;

/**
 * Where spans go and which are kept.
 *
 * @param otlpEndpoint OTLP/gRPC endpoint of Jaeger (or a collector), e.g. {@code https://127.0.0.1:4317}
 * @param samplingRatio share of traces kept by the ratio sampler, 0..1
 * @param caFile       PEM CA that signed the collector's certificate (an {@code https://} endpoint), or null for
 *                     the JVM's trusted CAs
 */
public record TelemetrySettings(
        String otlpEndpoint, SamplingMode samplingMode, double samplingRatio, java.nio.file.Path caFile) {

    public TelemetrySettings(String otlpEndpoint, SamplingMode samplingMode, double samplingRatio) {
        this(otlpEndpoint, samplingMode, samplingRatio, null);
    }

    public TelemetrySettings {
        if (samplingRatio < 0 || samplingRatio > 1) {
            throw new IllegalArgumentException("sampling ratio must be between 0 and 1: " + samplingRatio);
        }
    }
}

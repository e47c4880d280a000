package com.jewellery.orderflow.instrumentation;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporter;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Builds one service's OpenTelemetry SDK. In production each service runs in its own process with
 * one SDK (often registered as the global one); here shop, CRM and MES share a JVM, so each gets its
 * own SDK and nothing is registered globally, or all spans would carry one service.name.
 */
public final class Telemetry {

    private static final AttributeKey<String> SERVICE_NAME = AttributeKey.stringKey("service.name");

    /**
     * Sized for the generator's 200+ orders/s (three spans per order per service): the default queue
     * of 2048 spans would fill within seconds whenever an export is slow and then drop spans, and
     * a dropped span is a hole in an order's journey. Bigger batches mean fewer OTLP calls.
     */
    private static final int MAX_QUEUE_SIZE = 65_536;

    private static final int MAX_EXPORT_BATCH_SIZE = 2_048;
    private static final Duration SCHEDULE_DELAY = Duration.ofMillis(500);
    private static final Duration FLUSH_TIMEOUT = Duration.ofSeconds(30);

    private Telemetry() {}

    public static OpenTelemetrySdk create(String serviceName, TelemetrySettings settings) {
        var exporterBuilder = OtlpGrpcSpanExporter.builder().setEndpoint(settings.otlpEndpoint());
        if (settings.caFile() != null) {
            exporterBuilder.setTrustedCertificates(readCa(settings.caFile()));
        }
        OtlpGrpcSpanExporter exporter = exporterBuilder.build();
        BatchSpanProcessor processor = BatchSpanProcessor.builder(exporter)
                .setMaxQueueSize(MAX_QUEUE_SIZE)
                .setMaxExportBatchSize(MAX_EXPORT_BATCH_SIZE)
                .setScheduleDelay(SCHEDULE_DELAY)
                .build();
        SdkTracerProvider tracerProvider = SdkTracerProvider.builder()
                .setResource(Resource.getDefault()
                        .merge(Resource.builder().put(SERVICE_NAME, serviceName).build()))
                .setSampler(settings.samplingMode().sampler(settings.samplingRatio()))
                .addSpanProcessor(processor)
                .build();
        return OpenTelemetrySdk.builder()
                .setTracerProvider(tracerProvider)
                .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
                .build();
    }

    private static byte[] readCa(java.nio.file.Path caFile) {
        try {
            return java.nio.file.Files.readAllBytes(caFile);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("cannot read the OTLP collector's CA file " + caFile, e);
        }
    }

    /** Exports every finished span now, so a run's spans are in Jaeger when the command returns. */
    public static void flush(OpenTelemetrySdk sdk) {
        CompletableResultCode result =
                sdk.getSdkTracerProvider().forceFlush().join(FLUSH_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        if (!result.isSuccess()) {
            System.err.println("Spans may be missing: the export did not finish within " + FLUSH_TIMEOUT);
        }
    }
}

package com.jewellery.orderflow.instrumentation;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.IdGenerator;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.opentelemetry.sdk.trace.samplers.SamplingDecision;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SamplingTest {

    private static final Attributes ORDER = Attributes.of(OrderSpans.ORDER_ID, "ORD-RUN-000001");

    @Test
    void orderAwareKeepsEveryRootThatCarriesAnOrder() {
        Sampler sampler = SamplingMode.ORDER_AWARE.sampler(0.0);

        assertThat(sampledShare(sampler, ORDER)).isEqualTo(1.0);
        assertThat(sampledShare(sampler, Attributes.empty())).isEqualTo(0.0);
    }

    @Test
    void orderAwareSamplesOtherTrafficAtTheRatio() {
        assertThat(sampledShare(SamplingMode.ORDER_AWARE.sampler(0.1), Attributes.empty())).isBetween(0.08, 0.12);
    }

    @Test
    void ratioSamplingIgnoresTheOrder() {
        assertThat(sampledShare(SamplingMode.RATIO.sampler(0.1), ORDER)).isBetween(0.08, 0.12);
    }

    @Test
    void sampleRatioOutsideZeroToOneIsRefused() {
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> new TelemetrySettings("http://127.0.0.1:4317", SamplingMode.RATIO, 1.5));
    }

    private static double sampledShare(Sampler sampler, Attributes attributes) {
        int roots = 10_000;
        long sampled = IntStream.range(0, roots)
                .mapToObj(i -> sampler.shouldSample(Context.root(), IdGenerator.random().generateTraceId(),
                        "POST /orders", SpanKind.SERVER, attributes, List.of()))
                .filter(result -> result.getDecision() == SamplingDecision.RECORD_AND_SAMPLE)
                .count();
        return sampled / (double) roots;
    }
}

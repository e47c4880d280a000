package com.jewellery.orderflow.instrumentation;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.IdGenerator;
import io.opentelemetry.sdk.trace.data.LinkData;
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
        assertThat(sampledShare(SamplingMode.ORDER_AWARE.sampler(0.1), Attributes.empty()))
                .isBetween(0.08, 0.12);
    }

    @Test
    void ratioSamplingIgnoresTheOrder() {
        assertThat(sampledShare(SamplingMode.RATIO.sampler(0.1), ORDER)).isBetween(0.08, 0.12);
    }

    @Test
    void linkAwareKeepsAConsumersNewTraceExactlyWhenTheLinkedProducerSpanWasKept() {
        // a ratio of 1 would keep every root: a dropped producer must still drop its consumer's trace
        Sampler sampler = SamplingMode.LINK_AWARE.sampler(1.0);
        LinkData keptProducer = LinkData.create(SpanContext.create(
                IdGenerator.random().generateTraceId(),
                IdGenerator.random().generateSpanId(),
                TraceFlags.getSampled(),
                TraceState.getDefault()));
        LinkData droppedProducer = LinkData.create(SpanContext.create(
                IdGenerator.random().generateTraceId(),
                IdGenerator.random().generateSpanId(),
                TraceFlags.getDefault(),
                TraceState.getDefault()));

        assertThat(decision(sampler, List.of(keptProducer))).isEqualTo(SamplingDecision.RECORD_AND_SAMPLE);
        assertThat(decision(sampler, List.of(droppedProducer))).isEqualTo(SamplingDecision.DROP);
        assertThat(decision(SamplingMode.LINK_AWARE.sampler(0.0), List.of()))
                .as("a root without links: the ratio")
                .isEqualTo(SamplingDecision.DROP);
        assertThat(decision(sampler, List.of())).isEqualTo(SamplingDecision.RECORD_AND_SAMPLE);
        assertThat(sampledShare(SamplingMode.LINK_AWARE.sampler(0.1), ORDER)).isBetween(0.08, 0.12);
    }

    private static SamplingDecision decision(Sampler sampler, List<LinkData> links) {
        return sampler.shouldSample(
                        Context.root(),
                        IdGenerator.random().generateTraceId(),
                        "orders.mes receive",
                        SpanKind.CONSUMER,
                        ORDER,
                        links)
                .getDecision();
    }

    @Test
    void sampleRatioOutsideZeroToOneIsRefused() {
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> new TelemetrySettings("http://127.0.0.1:4317", SamplingMode.RATIO, 1.5));
    }

    private static double sampledShare(Sampler sampler, Attributes attributes) {
        int roots = 10_000;
        long sampled = IntStream.range(0, roots)
                .mapToObj(i -> sampler.shouldSample(
                        Context.root(),
                        IdGenerator.random().generateTraceId(),
                        "POST /orders",
                        SpanKind.SERVER,
                        attributes,
                        List.of()))
                .filter(result -> result.getDecision() == SamplingDecision.RECORD_AND_SAMPLE)
                .count();
        return sampled / (double) roots;
    }
}

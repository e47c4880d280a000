package com.jewellery.orderflow.instrumentation;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.opentelemetry.sdk.trace.samplers.SamplingResult;
import java.util.List;

/**
 * Samples every root span that carries {@code order.id} and leaves other roots to a fallback sampler.
 * It only sees the attributes given when the span starts, which is why the shop and the MES read the
 * order id before they start their root spans. Use it as the root of {@link Sampler#parentBased}.
 */
public final class OrderAwareSampler implements Sampler {

    private final Sampler fallback;

    public OrderAwareSampler(Sampler fallback) {
        this.fallback = fallback;
    }

    @Override
    public SamplingResult shouldSample(
            Context parentContext,
            String traceId,
            String name,
            SpanKind spanKind,
            Attributes attributes,
            List<LinkData> parentLinks) {
        if (attributes.get(OrderSpans.ORDER_ID) != null) {
            return SamplingResult.recordAndSample();
        }
        return fallback.shouldSample(parentContext, traceId, name, spanKind, attributes, parentLinks);
    }

    @Override
    public String getDescription() {
        return "OrderAwareSampler{fallback=" + fallback.getDescription() + "}";
    }
}

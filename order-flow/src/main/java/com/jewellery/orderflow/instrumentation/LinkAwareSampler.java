package com.jewellery.orderflow.instrumentation;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.opentelemetry.sdk.trace.samplers.SamplingResult;
import java.util.List;

/**
 * Keeps a new trace whenever a span it links to was sampled, and leaves other roots to a fallback
 * sampler. A consumer that starts its own trace with a link to the producer (as the MES does in the link
 * style) then keeps exactly the orders the producer kept: with plain ratio sampling both sides would
 * decide on their own, and nine in ten sampled orders would seem to stop at the hop. Parent-based in
 * spirit; use it as the root of {@link Sampler#parentBased}.
 */
public final class LinkAwareSampler implements Sampler {

    private final Sampler fallback;

    public LinkAwareSampler(Sampler fallback) {
        this.fallback = fallback;
    }

    @Override
    public SamplingResult shouldSample(Context parentContext, String traceId, String name, SpanKind spanKind,
            Attributes attributes, List<LinkData> parentLinks) {
        if (parentLinks.stream().anyMatch(link -> link.getSpanContext().isSampled())) {
            return SamplingResult.recordAndSample();
        }
        return fallback.shouldSample(parentContext, traceId, name, spanKind, attributes, parentLinks);
    }

    @Override
    public String getDescription() {
        return "LinkAwareSampler{fallback=" + fallback.getDescription() + "}";
    }
}

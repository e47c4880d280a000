package com.jewellery.orderflow.instrumentation;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.opentelemetry.sdk.trace.samplers.SamplingResult;
import java.util.List;

/**
 * Decides a new trace that links to other spans as they were decided: kept when a linked span was
 * sampled, dropped when none was; roots without links go to a fallback sampler. A consumer that starts its own trace with a link to the producer (as the MES does in the link
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
    public SamplingResult shouldSample(
            Context parentContext,
            String traceId,
            String name,
            SpanKind spanKind,
            Attributes attributes,
            List<LinkData> parentLinks) {
        if (!parentLinks.isEmpty()) {
            // follow the linked producer's decision both ways: a consumer kept on its own would seem to
            // start from nowhere, just as a dropped one makes the order seem to stop at the hop
            return parentLinks.stream().anyMatch(link -> link.getSpanContext().isSampled())
                    ? SamplingResult.recordAndSample()
                    : SamplingResult.drop();
        }
        return fallback.shouldSample(parentContext, traceId, name, spanKind, attributes, parentLinks);
    }

    @Override
    public String getDescription() {
        return "LinkAwareSampler{fallback=" + fallback.getDescription() + "}";
    }
}

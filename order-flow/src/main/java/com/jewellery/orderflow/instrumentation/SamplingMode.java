package com.jewellery.orderflow.instrumentation;

import io.opentelemetry.sdk.trace.samplers.Sampler;
import java.util.Arrays;

/** The head-sampling set-ups the flow offers; docs/order-flow.md weighs them. */
public enum SamplingMode {
    /** Keep a fixed share of traces, chosen by trace id; child spans follow their parent's decision. */
    RATIO("ratio"),
    /** Keep every trace that starts with an order, sample other traffic at the ratio. */
    ORDER_AWARE("order-aware"),
    /** Keep a fixed share, and a new trace whenever the span it links to was kept (a consumer's own trace). */
    LINK_AWARE("link-aware");

    private final String key;

    SamplingMode(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    /**
     * Every mode is parent-based: a span whose parent (local or from a traceparent header) was
     * sampled is sampled too, so an order's trace is either whole or absent, never half.
     */
    public Sampler sampler(double ratio) {
        Sampler root = switch (this) {
            case RATIO -> Sampler.traceIdRatioBased(ratio);
            case ORDER_AWARE -> new OrderAwareSampler(Sampler.traceIdRatioBased(ratio));
            case LINK_AWARE -> new LinkAwareSampler(Sampler.traceIdRatioBased(ratio));
        };
        return Sampler.parentBased(root);
    }

    public static SamplingMode parse(String key) {
        return Arrays.stream(values())
                .filter(mode -> mode.key.equals(key.trim()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "unknown sampling '" + key + "', expected ratio, order-aware or link-aware"));
    }
}

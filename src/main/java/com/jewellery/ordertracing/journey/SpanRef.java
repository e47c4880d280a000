package com.jewellery.ordertracing.journey;

import java.util.Objects;

/** Points at one span: lower-case hex trace id (32 chars) and span id (16 chars). */
public record SpanRef(String traceId, String spanId) {

    public SpanRef {
        Objects.requireNonNull(traceId, "traceId");
        Objects.requireNonNull(spanId, "spanId");
    }
}

package com.jewellery.orderflow.instrumentation;

import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapSetter;
import java.util.Map;

/**
 * Carries the W3C trace context in AMQP message headers. RabbitMQ has no tracing of its own, so these
 * headers are the only way the MES learns which publish its message came from.
 */
final class AmqpHeaderCarriers {

    static final TextMapSetter<Map<String, Object>> SETTER = (headers, key, value) -> headers.put(key, value);

    static final TextMapGetter<Map<String, Object>> GETTER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, Object> headers) {
            return headers.keySet();
        }

        /** The broker hands string headers back as {@code LongString}, hence toString. */
        @Override
        public String get(Map<String, Object> headers, String key) {
            Object value = headers.get(key);
            return value == null ? null : value.toString();
        }
    };

    private AmqpHeaderCarriers() {}
}

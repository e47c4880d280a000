package com.jewellery.orderflow.instrumentation;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;

/**
 * The attributes of the trace contract and the one way every service records a failure. Attribute
 * keys are spelled out here rather than taken from the incubating semantic-conventions artifact, so
 * the flow needs nothing but the SDK; the names follow the conventions.
 */
public final class OrderSpans {

    public static final AttributeKey<String> ORDER_ID = AttributeKey.stringKey("order.id");
    public static final AttributeKey<String> ORDER_STATUS = AttributeKey.stringKey("order.status");

    static final AttributeKey<String> HTTP_METHOD = AttributeKey.stringKey("http.request.method");
    static final AttributeKey<String> HTTP_ROUTE = AttributeKey.stringKey("http.route");
    static final AttributeKey<Long> HTTP_STATUS = AttributeKey.longKey("http.response.status_code");
    static final AttributeKey<String> URL_PATH = AttributeKey.stringKey("url.path");
    static final AttributeKey<String> URL_FULL = AttributeKey.stringKey("url.full");
    static final AttributeKey<String> URL_SCHEME = AttributeKey.stringKey("url.scheme");
    static final AttributeKey<String> SERVER_ADDRESS = AttributeKey.stringKey("server.address");
    static final AttributeKey<Long> SERVER_PORT = AttributeKey.longKey("server.port");

    static final AttributeKey<String> MESSAGING_SYSTEM = AttributeKey.stringKey("messaging.system");
    static final AttributeKey<String> MESSAGING_DESTINATION = AttributeKey.stringKey("messaging.destination.name");
    static final AttributeKey<String> MESSAGING_ROUTING_KEY =
            AttributeKey.stringKey("messaging.rabbitmq.destination.routing_key");
    static final AttributeKey<String> MESSAGING_MESSAGE_ID = AttributeKey.stringKey("messaging.message.id");
    static final AttributeKey<String> MESSAGING_OPERATION_TYPE = AttributeKey.stringKey("messaging.operation.type");
    static final AttributeKey<String> MESSAGING_OPERATION_NAME = AttributeKey.stringKey("messaging.operation.name");
    static final AttributeKey<Long> MESSAGING_BODY_SIZE = AttributeKey.longKey("messaging.message.body.size");
    static final AttributeKey<Long> MESSAGING_DELIVERY_TAG =
            AttributeKey.longKey("messaging.rabbitmq.message.delivery_tag");

    private OrderSpans() {}

    /** Sets the order's status as it stands when the span's stage ends. */
    public static void status(Span span, OrderStatus status) {
        span.setAttribute(ORDER_STATUS, status.name());
    }

    /**
     * Marks the span failed the way the contract asks: an {@code exception} event with type, message
     * and stack trace (what a developer needs), and status ERROR with a description (what the portal
     * lists).
     */
    public static void fail(Span span, Throwable error) {
        span.recordException(error);
        span.setStatus(StatusCode.ERROR, error.getClass().getSimpleName() + ": " + error.getMessage());
    }
}

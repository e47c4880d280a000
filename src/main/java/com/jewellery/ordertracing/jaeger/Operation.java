package com.jewellery.ordertracing.jaeger;

/**
 * An operation (span name) Jaeger has seen for a service.
 *
 * @param spanKind as Jaeger reports it, e.g. {@code server}; empty when unknown
 */
public record Operation(String name, String spanKind) {}

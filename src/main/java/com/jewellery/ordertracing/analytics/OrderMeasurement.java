package com.jewellery.ordertracing.analytics;

import java.time.Instant;

/** One order at one stage, as the drill-down lists it. */
public record OrderMeasurement(String orderId, Instant endedAt, long micros, boolean error, boolean slaOk) {}

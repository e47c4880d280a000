package com.jewellery.ordertracing.analytics;

import java.time.Instant;
import java.util.List;

/**
 * The orders behind one chart point: a stage's slowest and its failed orders in [from, to).
 *
 * @param canOpenOrders whether the reader may open an order's journey (order work); analysts see ids and
 *                      durations only
 */
public record DrillDown(
        String stageId,
        Instant from,
        Instant to,
        List<OrderMeasurement> slowest,
        List<OrderMeasurement> failed,
        boolean canOpenOrders) {}

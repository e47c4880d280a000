package com.jewellery.ordertracing.lost;

import java.time.Duration;

/**
 * An order on the lost-orders list.
 *
 * @param order    the indexed facts
 * @param reason   why it is listed
 * @param stuckFor how long since it last moved on
 */
public record OrderProblem(OrderSnapshot order, ProblemReason reason, Duration stuckFor) {

    /** A one-line account of the error, or null when the order has none. */
    public String errorSummary() {
        String message = order.errorMessage();
        if (message == null || message.isBlank()) {
            return null;
        }
        String firstLine = message.strip().lines().findFirst().orElse("");
        return order.errorStage() == null ? firstLine : order.errorStage() + ": " + firstLine;
    }
}

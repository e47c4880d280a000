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

    /** A one-line account of the error with its stage id (for exports), or null when the order has none. */
    public String errorSummary() {
        String line = errorLine();
        return line == null || order.errorStage() == null ? line : order.errorStage() + ": " + line;
    }

    /** The first line of the error's message, or null when the order has none. */
    public String errorLine() {
        String message = order.errorMessage();
        return message == null || message.isBlank()
                ? null
                : message.strip().lines().findFirst().orElse("");
    }
}

package com.jewellery.ordertracing.journey;

/** How a stage is observed. */
public enum StageKind {
    /** Reached when a span matches the stage's service, span name and attributes. */
    SPAN,
    /**
     * Derived, no span of its own: the gap from the end of the span stage just before it to the start
     * of the span stage just after it (the time a message waits in RabbitMQ).
     */
    QUEUE_WAIT
}

package com.jewellery.orderflow.instrumentation;

import java.util.Arrays;
import java.util.Locale;

/**
 * What the scenario generator makes happen to one order, and the contract stage the outcome is about.
 * {@code completes} says whether the order still reaches {@link Stage#MES_APPROVE}.
 */
public enum Outcome {
    /** Goes through every stage. */
    OK(Stage.MES_APPROVE, true),
    /** Published by the CRM but never delivered: unroutable, the broker drops it silently. */
    LOST(Stage.RABBITMQ_QUEUE, false),
    /** The CRM processes the order and never publishes it. */
    STUCK(Stage.CRM_PUBLISH, false),
    /** Pricing in the MES throws. */
    PRICING_ERROR(Stage.MES_PRICE, false),
    /** Pricing takes longer than its SLA, then the order completes. */
    SLOW_PRICING(Stage.MES_PRICE, true),
    /** The MES cannot read the message and rejects it to the dead-letter queue. */
    POISON(Stage.MES_CONSUME, false),
    /** The MES consumer is down for a while: the message waits long in the queue, then completes. */
    MES_DOWN(Stage.RABBITMQ_QUEUE, true);

    private final Stage stage;
    private final boolean completes;

    Outcome(Stage stage, boolean completes) {
        this.stage = stage;
        this.completes = completes;
    }

    public Stage stage() {
        return stage;
    }

    public boolean completes() {
        return completes;
    }

    /** Whether the MES ever sees the message of such an order. */
    public boolean reachesMes() {
        return this != LOST && this != STUCK;
    }

    /** The name used in {@code --mix}, e.g. {@code pricing_error}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Accepts {@code pricing_error}, {@code pricing-error} or {@code PRICING_ERROR}. */
    public static Outcome parse(String key) {
        String normalized = key.trim().replace('-', '_').toUpperCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(outcome -> outcome.name().equals(normalized))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "unknown outcome '" + key + "', expected one of " + Arrays.toString(values())));
    }
}

package com.jewellery.ordertracing.alerts;

/**
 * One problem a rule sees right now.
 *
 * @param key     identifies the problem within its rule across evaluations (an order id, a stage, "all")
 * @param value   the measured number (count, percentage), null for a single failed order
 * @param text    one line for people, translated where it is shown
 * @param orderId the order it is about, null when about many
 */
public record Firing(String key, Double value, AlertText text, String orderId) {}

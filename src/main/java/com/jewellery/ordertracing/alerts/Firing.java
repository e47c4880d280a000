package com.jewellery.ordertracing.alerts;

/**
 * One problem a rule sees right now.
 *
 * @param key     identifies the problem within its rule across evaluations (an order id, a stage, "all")
 * @param value   the measured number (count, percentage), null for a single failed order
 * @param summary one line for people
 * @param orderId the order it is about, null when about many
 */
public record Firing(String key, Double value, String summary, String orderId) {
}

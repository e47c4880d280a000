package com.jewellery.orderflow.scenario;

/**
 * What became of one planned order at the shop's door.
 *
 * @param accepted whether the shop answered 201; an order it refused never entered the flow
 * @param traceId the shop's trace id from its answer, empty when not accepted
 * @param sampled whether the shop's trace was kept by the sampler
 */
public record SentOrder(PlannedOrder order, boolean accepted, String traceId, boolean sampled) {

    static SentOrder refused(PlannedOrder order) {
        return new SentOrder(order, false, "", false);
    }
}

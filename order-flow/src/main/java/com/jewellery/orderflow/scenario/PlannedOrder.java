package com.jewellery.orderflow.scenario;

import com.jewellery.orderflow.instrumentation.ConsumerStyle;
import com.jewellery.orderflow.instrumentation.Outcome;
import com.jewellery.orderflow.instrumentation.Simulation;

/** One order of a scenario: its id and what the generator will make happen to it. */
public record PlannedOrder(String orderId, Simulation simulation) {

    public Outcome outcome() {
        return simulation.outcome();
    }

    public ConsumerStyle consumerStyle() {
        return simulation.consumerStyle();
    }
}

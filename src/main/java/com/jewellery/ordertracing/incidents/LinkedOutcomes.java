package com.jewellery.ordertracing.incidents;

import com.jewellery.ordertracing.analytics.JourneyMeasurements;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Keeps the outcome on every incident's link to an order current: the indexer tells it of each journey it
 * wrote, in the transaction that wrote it, so an incident's counts by outcome never lag the index and a
 * rolled-back piece changes no link. One statement per piece; orders in no incident cost an index probe.
 */
@Component
class LinkedOutcomes implements JourneyMeasurements {

    private final IncidentLinks links;

    LinkedOutcomes(IncidentLinks links) {
        this.links = links;
    }

    @Override
    public void saved(List<Saved> journeys) {
        links.updateOutcomes(
                journeys.stream().map(saved -> saved.journey().orderId()).toList(),
                journeys.stream().map(saved -> saved.journey().outcome().name()).toList());
    }
}

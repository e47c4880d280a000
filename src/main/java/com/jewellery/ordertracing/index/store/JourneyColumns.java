package com.jewellery.ordertracing.index.store;

import com.jewellery.ordertracing.journey.JourneyError;
import com.jewellery.ordertracing.journey.JourneyStage;
import com.jewellery.ordertracing.journey.OrderJourney;
import java.time.Instant;

/** The searchable columns of {@code order_journey}, taken from an assembled journey. */
record JourneyColumns(String lastStage, Instant lastStageEndedAt, String errorStage, String errorMessage) {

    static JourneyColumns of(OrderJourney journey) {
        JourneyStage last = journey.lastReachedStage().orElse(null);
        JourneyError latestError =
                journey.errors().isEmpty() ? null : journey.errors().getLast();
        return new JourneyColumns(
                last == null ? null : last.id(),
                last == null ? null : last.end(),
                latestError == null ? null : latestError.stageId(),
                latestError == null ? null : latestError.message());
    }
}

package com.jewellery.ordertracing.index.store;

import com.jewellery.ordertracing.journey.JourneyError;
import com.jewellery.ordertracing.journey.JourneyStage;
import com.jewellery.ordertracing.journey.OrderJourney;
import java.time.Instant;

/** The searchable columns of {@code order_journey}, taken from an assembled journey. */
record JourneyColumns(String lastStage, Instant lastStageEndedAt, String errorStage, String errorMessage) {

    static JourneyColumns of(OrderJourney journey) {
        JourneyStage last = journey.lastReachedStage().orElse(null);
        // where the failure started, as incidents fingerprint it: a pricing error is the price calculation's, not
        // that of the MES consumer span that recorded it again on the way out
        JourneyError origin = journey.originError().orElse(null);
        return new JourneyColumns(
                last == null ? null : last.id(),
                last == null ? null : last.end(),
                origin == null ? null : origin.stageId(),
                origin == null ? null : message(origin));
    }

    /**
     * The message after the exception's simple name ({@code PricingException: no price quote …}), which an
     * exception event keeps apart from its message; the list and the alerts show only this column. V24 writes the
     * same for rows stored before.
     */
    static String message(JourneyError error) {
        String message = error.message() == null ? "" : error.message();
        if (error.exceptionType() == null) {
            return message;
        }
        String type = error.exceptionType().replaceAll("^.*[.$]", "");
        return message.startsWith(type) ? message : type + ": " + message;
    }
}

package com.jewellery.ordertracing.incidents.domain;

import com.jewellery.ordertracing.journey.JourneyError;
import com.jewellery.ordertracing.journey.OrderJourney;
import com.jewellery.ordertracing.journey.StageCatalog;
import java.util.Comparator;
import java.util.Optional;

/**
 * The fingerprint of a failed order is that of the error where the failure started: the earliest error at
 * the furthest stage that has one. An exception propagates outwards (the price calculation's exception is
 * recorded again, later, on the MES consumer span), so the latest error names the wrapper, not the fault;
 * an earlier error at an earlier stage that a retry got past is not what stopped the order.
 */
public final class JourneyFingerprints {

    private JourneyFingerprints() {}

    public static Optional<Fingerprint> of(OrderJourney journey, StageCatalog catalog) {
        return origin(journey, catalog).map(JourneyFingerprints::of);
    }

    public static Optional<JourneyError> origin(OrderJourney journey, StageCatalog catalog) {
        Comparator<JourneyError> furthestFirst = Comparator.comparingInt(
                        (JourneyError error) -> error.stageId() == null ? -1 : catalog.indexOf(error.stageId()))
                .reversed();
        return journey.errors().stream().min(furthestFirst.thenComparing(JourneyError::time));
    }

    public static Fingerprint of(JourneyError error) {
        String type = error.exceptionType() != null
                ? error.exceptionType()
                : error.kind() == JourneyError.Kind.EXCEPTION
                        ? null
                        : error.kind().name();
        return Fingerprint.of(error.stageId(), error.service(), type, error.message());
    }
}

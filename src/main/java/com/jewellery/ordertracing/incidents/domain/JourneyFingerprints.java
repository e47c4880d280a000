package com.jewellery.ordertracing.incidents.domain;

import com.jewellery.ordertracing.journey.JourneyError;
import com.jewellery.ordertracing.journey.OrderJourney;
import java.util.Optional;

/** The fingerprint of a failed order is that of the error where its failure started ({@link OrderJourney#originError}). */
public final class JourneyFingerprints {

    private JourneyFingerprints() {}

    public static Optional<Fingerprint> of(OrderJourney journey) {
        return journey.originError().map(JourneyFingerprints::of);
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

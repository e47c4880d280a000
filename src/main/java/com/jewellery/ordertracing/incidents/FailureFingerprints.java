package com.jewellery.ordertracing.incidents;

import com.jewellery.ordertracing.incidents.domain.Fingerprint;
import com.jewellery.ordertracing.incidents.domain.JourneyFingerprints;
import com.jewellery.ordertracing.index.store.IndexedJourneys;
import com.jewellery.ordertracing.index.store.UnreadableJourneyException;
import com.jewellery.ordertracing.journey.StageCatalog;
import com.jewellery.ordertracing.journey.StageDefinition;
import com.jewellery.ordertracing.lost.OrderSnapshot;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Fingerprints failed orders from their indexed journeys (through the index's public, secured read; the
 * caller's authentication applies). Falls back to the index's error columns when the journey cannot be read.
 */
@Component
class FailureFingerprints {

    private static final Logger log = LoggerFactory.getLogger(FailureFingerprints.class);

    private final IndexedJourneys journeys;
    private final StageCatalog catalog;

    FailureFingerprints(IndexedJourneys journeys, StageCatalog catalog) {
        this.journeys = journeys;
        this.catalog = catalog;
    }

    /** The order's failure, if the index knows the order and it has an error. */
    Optional<IncidentLinks.Failure> of(String orderId) {
        try {
            return journeys.findByOrderId(orderId)
                    .flatMap(journey -> journey.originError()
                            .map(error -> failure(orderId, JourneyFingerprints.of(error), error.time())));
        } catch (UnreadableJourneyException unreadable) {
            log.warn("Order {} cannot be fingerprinted from its journey: {}", orderId, unreadable.getMessage());
            return Optional.empty();
        }
    }

    /** A failed order from the lost-orders queries: its journey's error, else its error columns. */
    IncidentLinks.Failure of(OrderSnapshot order) {
        return of(order.orderId()).orElseGet(() -> {
            String stage = order.errorStage() != null ? order.errorStage() : order.lastStage();
            String service = stage == null
                    ? null
                    : catalog.stage(stage).map(StageDefinition::service).orElse(null);
            return failure(
                    order.orderId(), Fingerprint.of(stage, service, null, order.errorMessage()), order.lastMovedAt());
        });
    }

    private static IncidentLinks.Failure failure(String orderId, Fingerprint fingerprint, java.time.Instant at) {
        return new IncidentLinks.Failure(orderId, fingerprint.key(), fingerprint.stage(), fingerprint.summary(), at);
    }
}

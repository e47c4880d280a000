package com.jewellery.ordertracing.index.store;

import com.jewellery.ordertracing.journey.OrderJourney;
import com.jewellery.ordertracing.security.Roles;
import java.util.List;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;

/**
 * The read side of the index, for the lookup view and the recent-orders grid: answers from PostgreSQL
 * only, never from Jaeger, so it is fast and still answers after Jaeger has forgotten a trace.
 */
public class IndexedJourneys {

    /** Largest page the grid may ask for. */
    public static final int MAX_PAGE_SIZE = 500;

    private final JourneyStore journeys;
    private final JourneySearch search;

    IndexedJourneys(JourneyStore journeys, JourneySearch search) {
        this.journeys = journeys;
        this.search = search;
    }

    /**
     * The order's journey as last indexed: stages, errors with stack traces, spans with attributes.
     *
     * @throws UnreadableJourneyException when the stored journey does not fit this version's model
     */
    @PreAuthorize(Roles.CAN_STAFF)
    public Optional<OrderJourney> findByOrderId(String orderId) {
        if (orderId == null || orderId.isBlank()) {
            return Optional.empty();
        }
        return journeys.find(orderId.strip());
    }

    /**
     * A page of matching orders, newest first (by first seen, then order id).
     *
     * @param offset rows to skip, at least 0
     * @param limit  rows to return, 1 to {@link #MAX_PAGE_SIZE}
     */
    @PreAuthorize(Roles.CAN_STAFF)
    public List<JourneySummary> search(JourneyFilter filter, int offset, int limit) {
        if (offset < 0 || limit < 1 || limit > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException(
                    "offset must be >= 0 and limit 1.." + MAX_PAGE_SIZE + ", got " + offset + " and " + limit);
        }
        return search.page(filter, offset, limit);
    }

    /** How many orders match, for the grid's pager. */
    @PreAuthorize(Roles.CAN_STAFF)
    public long count(JourneyFilter filter) {
        return search.count(filter);
    }
}

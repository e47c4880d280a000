package com.jewellery.ordertracing.index.store;

import com.jewellery.ordertracing.journey.OrderJourney;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The store's package-private parts for tests and benchmarks of other index packages: reading a journey
 * without a signed-in user, and the read side without Spring.
 */
public final class StoredJourneys {

    private final JourneyStore store;

    public StoredJourneys(JdbcTemplate jdbc) {
        this.store = new JourneyStore(jdbc, new JourneyJson());
    }

    /** The order's stored journey, as {@link IndexedJourneys#findByOrderId} reads it, without method security. */
    public Optional<OrderJourney> find(String orderId) {
        return store.find(orderId);
    }

    /** The read side as the portal builds it, outside Spring (so without method security). */
    public static IndexedJourneys indexedJourneys(JdbcTemplate jdbc, NamedParameterJdbcTemplate namedJdbc) {
        return new IndexedJourneys(new JourneyStore(jdbc, new JourneyJson()), new JourneySearch(namedJdbc));
    }
}

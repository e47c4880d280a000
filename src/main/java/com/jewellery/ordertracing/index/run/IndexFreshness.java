package com.jewellery.ordertracing.index.run;

import com.jewellery.ordertracing.base.IndexAge;
import com.jewellery.ordertracing.security.Roles;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;

/**
 * How old the index is, for the data pages' banner: the slowest service's cursor against now, read from the
 * database, so every instance (indexing or standing by) tells the same. Only an age past the threshold is
 * reported: right behind by the indexer's lag and interval is normal.
 */
public class IndexFreshness implements IndexAge {

    private final CursorStore cursors;
    private final List<String> services;
    private final Duration threshold;
    private final Clock clock;

    IndexFreshness(CursorStore cursors, List<String> services, Duration threshold, Clock clock) {
        this.cursors = cursors;
        this.services = List.copyOf(services);
        this.threshold = threshold;
        this.clock = clock;
    }

    /**
     * How far the index is behind now when that is more than {@code portal.outage.stale-index-after}; empty when
     * it is fresh enough, before the first run, or while the database does not answer (the page says that itself).
     */
    @Override
    @PreAuthorize(Roles.CAN_STAFF)
    public Optional<Duration> staleBy() {
        try {
            return behind(cursors.all(), services, clock.instant()).filter(age -> age.compareTo(threshold) > 0);
        } catch (RuntimeException databaseDown) {
            return Optional.empty();
        }
    }

    /** The slowest service's cursor against now; empty until every service has a cursor. */
    static Optional<Duration> behind(Map<String, Instant> cursors, List<String> services, Instant now) {
        if (services.isEmpty() || !cursors.keySet().containsAll(services)) {
            return Optional.empty();
        }
        return services.stream()
                .map(cursors::get)
                .min(Comparator.naturalOrder())
                .map(oldest -> Duration.between(oldest, now))
                .map(age -> age.isNegative() ? Duration.ZERO : age);
    }
}

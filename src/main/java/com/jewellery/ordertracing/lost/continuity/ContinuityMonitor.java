package com.jewellery.ordertracing.lost.continuity;

import com.jewellery.ordertracing.journey.StageCatalog;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The current continuity of every hop, measured from the index at most once per refresh period. Used by
 * the lost-orders detection (which orders are only unconfirmed), the coverage panel and the status page.
 * No access checks: it exposes counts only; people reach it through secured services.
 */
@Component
@EnableConfigurationProperties(ContinuityProperties.class)
public class ContinuityMonitor {

    private static final Logger log = LoggerFactory.getLogger(ContinuityMonitor.class);

    private final ReachedStagesQuery query;
    private final ContinuityRules rules;
    private final ContinuityProperties properties;
    private final Clock clock;
    private TraceContinuity latest = TraceContinuity.UNKNOWN;

    ContinuityMonitor(
            ReachedStagesQuery query,
            ObjectProvider<StageCatalog> catalog,
            ContinuityProperties properties,
            Clock clock) {
        this.query = query;
        this.rules = new ContinuityRules(
                Hop.of(catalog.getIfAvailable(StageCatalog::defaults)), properties.minShare(), properties.minOrders());
        this.properties = properties;
        this.clock = clock;
    }

    /** The latest measurement, taken again when older than the refresh period; the last good one if that fails. */
    public synchronized TraceContinuity current() {
        Instant now = clock.instant();
        if (latest.measuredAt().plus(properties.refresh()).isAfter(now)) {
            return latest;
        }
        try {
            var reached = query.reachedStages(now.minus(properties.window()), now, properties.sample());
            latest = new TraceContinuity(rules.measure(reached), reached.size(), now);
        } catch (RuntimeException e) {
            // the database is down: keep the last measurement rather than fail the lost-orders list with it
            log.warn(
                    "Trace continuity could not be measured, keeping the measurement of {}: {}",
                    latest.measuredAt(),
                    e.getMessage());
        }
        return latest;
    }

    /** The stages after which a stuck or lost order is only unconfirmed, right now. */
    public Set<String> unconfirmedAfter() {
        return current().unconfirmedAfter();
    }
}

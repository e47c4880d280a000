package com.jewellery.ordertracing.analytics;

import com.jewellery.ordertracing.journey.StageCatalog;
import com.jewellery.ordertracing.journey.StageDefinition;
import com.jewellery.ordertracing.security.Roles;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Per-stage latency, throughput, error rate and SLA compliance over time, from the rollups the indexer
 * keeps, and the orders behind a point from the measurements. Stages are counted at the time they ended.
 */
@Service
@PreAuthorize(Roles.CAN_ANALYTICS)
public class AnalyticsService {

    private static final String ORDER_WORK = Roles.PREFIX + Roles.ORDER_WORK;

    private final AnalyticsQueries queries;
    private final StageCatalog catalog;
    private final AnalyticsProperties properties;
    private final RoleHierarchy roles;
    private final Clock clock;

    AnalyticsService(
            AnalyticsQueries queries,
            StageCatalog catalog,
            AnalyticsProperties properties,
            RoleHierarchy roles,
            Clock clock) {
        this.queries = queries;
        this.catalog = catalog;
        this.properties = properties;
        this.roles = roles;
        this.clock = clock;
    }

    /** Catalog stages in flow order, then {@link StageMeasurement#END_TO_END}. */
    public List<String> stageIds() {
        List<String> ids = new ArrayList<>(
                catalog.stages().stream().map(StageDefinition::id).toList());
        ids.add(StageMeasurement.END_TO_END);
        return ids;
    }

    /** The SLA a stage's compliance is measured against. */
    public Optional<Duration> sla(String stageId) {
        return StageMeasurement.END_TO_END.equals(stageId)
                ? Optional.of(catalog.endToEndSla())
                : catalog.stage(stageId).map(StageDefinition::sla);
    }

    /** The widest range the view accepts. */
    public Duration longestRange() {
        return properties.longestRange();
    }

    public Instant now() {
        return clock.instant();
    }

    public Optional<AnalyticsRange.Problem> check(Instant from, Instant to) {
        return AnalyticsRange.check(from, to, clock.instant(), properties.longestRange());
    }

    /** @throws IllegalArgumentException for a range {@link #check} refuses */
    @Transactional(readOnly = true)
    public AnalyticsReport report(AnalyticsRange range) {
        check(range.from(), range.to()).ifPresent(problem -> {
            throw new IllegalArgumentException("range refused: " + problem);
        });
        return AnalyticsReport.of(queries, stageIds(), range);
    }

    /** The stage's buckets of the range as CSV ({@link SeriesCsv}), UTF-8. */
    @Transactional(readOnly = true)
    public void exportCsv(AnalyticsRange range, String stageId, OutputStream out) {
        AnalyticsReport report = report(range);
        StageSeries series =
                report.current(stageId).orElseThrow(() -> new IllegalArgumentException("stage " + stageId));
        try (Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8))) {
            SeriesCsv.write(series, report.resolution(), writer);
        } catch (IOException e) {
            throw new UncheckedIOException("The CSV export could not be written", e);
        }
    }

    /** The slowest and the failed orders of a stage whose stage ended in [from, to). */
    @Transactional(readOnly = true)
    public DrillDown drillDown(String stageId, Instant from, Instant to) {
        int limit = properties.drillDownLimit();
        return new DrillDown(
                stageId,
                from,
                to,
                queries.orders(stageId, from, to, false, limit),
                queries.orders(stageId, from, to, true, limit),
                currentUserMayOpenOrders());
    }

    private boolean currentUserMayOpenOrders() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null
                && roles.getReachableGrantedAuthorities(authentication.getAuthorities()).stream()
                        .anyMatch(authority -> ORDER_WORK.equals(authority.getAuthority()));
    }
}

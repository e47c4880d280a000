package com.jewellery.ordertracing.review;

import com.jewellery.ordertracing.analytics.AnalyticsRange;
import com.jewellery.ordertracing.analytics.AnalyticsReport;
import com.jewellery.ordertracing.analytics.AnalyticsService;
import com.jewellery.ordertracing.analytics.StageSeries;
import com.jewellery.ordertracing.incidents.IncidentService;
import com.jewellery.ordertracing.index.run.IndexHealth;
import com.jewellery.ordertracing.index.run.IndexHealthService;
import com.jewellery.ordertracing.lost.LostOrdersService;
import com.jewellery.ordertracing.lost.ProblemCount;
import com.jewellery.ordertracing.lost.ProblemFilter;
import com.jewellery.ordertracing.lost.ProblemReason;
import com.jewellery.ordertracing.lost.SamplingCoverage;
import com.jewellery.ordertracing.review.domain.IsoWeek;
import com.jewellery.ordertracing.review.domain.ReviewCalculator;
import com.jewellery.ordertracing.review.domain.ReviewFigures;
import com.jewellery.ordertracing.review.domain.ReviewInputs;
import com.jewellery.ordertracing.security.Roles;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Generates a week's review from the services that compute each number (analytics rollups, lost-orders
 * counts and coverage, incidents' review times) and stores it: once per week for the schedule, as a new
 * version for a regeneration. The week's advisory lock is held from the check to the insert, so two
 * instances (or a schedule and an administrator) never write the same version; the unique key backs it.
 * Every version written is mailed once, with its PDF ({@link ReviewMailer}).
 */
@Component
class ReviewGenerator {

    /** Who the scheduled generation is recorded as, and reads the services as. */
    static final String SCHEDULE = "schedule";

    private final ReviewStore store;
    private final AnalyticsService analytics;
    private final LostOrdersService lostOrders;
    private final IncidentService incidents;
    private final IndexHealthService indexHealth;
    private final ReviewProperties properties;
    private final ReviewMailer mailer;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ReviewGenerator(
            ReviewStore store,
            AnalyticsService analytics,
            LostOrdersService lostOrders,
            IncidentService incidents,
            IndexHealthService indexHealth,
            ReviewProperties properties,
            ReviewMailer mailer,
            TransactionTemplate transactions,
            Clock clock) {
        this.store = store;
        this.analytics = analytics;
        this.lostOrders = lostOrders;
        this.incidents = incidents;
        this.indexHealth = indexHealth;
        this.properties = properties;
        this.mailer = mailer;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Version 1 of the week, unless some instance made it already; empty then. */
    Optional<ReviewFigures> generateIfAbsent(IsoWeek week) {
        return transactions.execute(status -> {
            store.lockWeek(week);
            if (store.latestVersion(week) > 0) {
                return Optional.<ReviewFigures>empty();
            }
            return Optional.of(write(week, 1, SCHEDULE));
        });
    }

    /** A new version of the week; earlier ones stay. @return the version written */
    int regenerate(IsoWeek week, String by) {
        return transactions.execute(status -> {
            store.lockWeek(week);
            int version = store.latestVersion(week) + 1;
            write(week, version, by);
            return version;
        });
    }

    private ReviewFigures write(IsoWeek week, int version, String by) {
        ReviewFigures figures = asSystem(() -> ReviewCalculator.figures(inputs(week)));
        store.insert(figures, version, clock.instant(), by);
        // in the same transaction: the mail is queued if and only if this version was written
        mailer.mail(figures, version);
        return figures;
    }

    ReviewInputs inputs(IsoWeek week) {
        Instant now = clock.instant();
        Instant from = week.start(properties.zone());
        Instant to = week.end(properties.zone());
        List<String> stageIds = analytics.stageIds();
        Map<String, Duration> slas = new HashMap<>();
        stageIds.forEach(id -> analytics.sla(id).ifPresent(sla -> slas.put(id, sla)));
        List<ReviewInputs.WeekHistograms> weeks = new ArrayList<>();
        List<StageSeries> hourly = List.of();
        for (int back = properties.trendWeeks() - 1; back >= 0; back--) {
            IsoWeek trendWeek = week.minus(back);
            AnalyticsReport report = analytics.report(
                    new AnalyticsRange(trendWeek.start(properties.zone()), trendWeek.end(properties.zone())));
            Map<String, com.jewellery.ordertracing.analytics.Histogram> byStage = new HashMap<>();
            report.current().forEach(series -> byStage.put(series.stageId(), series.total()));
            weeks.add(new ReviewInputs.WeekHistograms(trendWeek, byStage));
            if (back == 0) {
                hourly = report.current();
            }
        }
        List<ProblemCount> problems = lostOrders.counts(new ProblemFilter(null, null, null, from, to, null));
        SamplingCoverage coverage = lostOrders.coverage();
        return new ReviewInputs(
                week,
                properties.zone(),
                now,
                store.outcomes(from, to),
                count(problems, ProblemReason.LOST),
                count(problems, ProblemReason.STUCK),
                stageIds,
                slas,
                weeks,
                hourly,
                store.failures(from, to, ReviewCalculator.TOP_FAILURES),
                incidents.reviewTimes(from, to),
                coverage.ratioSampling() ? coverage.samplingRatio() : null,
                coverage.continuity().broken().size(),
                indexState());
    }

    private ReviewInputs.IndexState indexState() {
        IndexHealth health = indexHealth.health();
        return new ReviewInputs.IndexState(
                health.indexedUntil(), health.behindTooFar(), health.failures(), health.lastError());
    }

    private static long count(List<ProblemCount> problems, ProblemReason reason) {
        return problems.stream()
                .filter(problem -> problem.reason() == reason)
                .mapToLong(ProblemCount::count)
                .sum();
    }

    /** The services are secured; a scheduled run is no person, so it reads with the sets the figures need. */
    private static <T> T asSystem(Supplier<T> work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext system = SecurityContextHolder.createEmptyContext();
        system.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                SCHEDULE,
                null,
                List.of(
                        new SimpleGrantedAuthority(Roles.PREFIX + Roles.STAFF),
                        new SimpleGrantedAuthority(Roles.PREFIX + Roles.ANALYTICS),
                        new SimpleGrantedAuthority(Roles.PREFIX + Roles.INCIDENT_READ))));
        SecurityContextHolder.setContext(system);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}

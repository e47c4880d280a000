package com.jewellery.ordertracing.review.domain;

import com.jewellery.ordertracing.analytics.Histogram;
import com.jewellery.ordertracing.analytics.Metric;
import com.jewellery.ordertracing.analytics.PeriodComparison;
import com.jewellery.ordertracing.analytics.StageSeries;
import com.jewellery.ordertracing.incidents.api.IncidentTimes;
import com.jewellery.ordertracing.review.domain.ReviewFigures.FailureRow;
import com.jewellery.ordertracing.review.domain.ReviewFigures.IncidentRow;
import com.jewellery.ordertracing.review.domain.ReviewFigures.Quality;
import com.jewellery.ordertracing.review.domain.ReviewFigures.QualityIssue;
import com.jewellery.ordertracing.review.domain.ReviewFigures.StageRow;
import com.jewellery.ordertracing.review.domain.ReviewFigures.TrendPoint;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Puts the services' numbers for a week together: rates, week-over-week changes (as the analytics
 * comparison computes them), the slowest stages, the top failures, incident medians and what is missing.
 */
public final class ReviewCalculator {

    /** How many stages the "slowest" list names. */
    public static final int SLOWEST = 3;
    /** How many failure fingerprints the review lists. */
    public static final int TOP_FAILURES = 10;

    private ReviewCalculator() {}

    public static ReviewFigures figures(ReviewInputs in) {
        Instant from = in.week().start(in.zone());
        Instant to = in.week().end(in.zone());
        List<StageRow> stages = stages(in);
        return new ReviewFigures(
                in.week().toString(),
                in.zone().getId(),
                from,
                to,
                orders(in),
                stages,
                slowest(stages),
                failures(in.failures()),
                incidents(in.incidents()),
                quality(in, from, to, stages));
    }

    static ReviewFigures.Orders orders(ReviewInputs in) {
        long entered =
                in.outcomes().values().stream().mapToLong(Long::longValue).sum();
        long completed = in.outcomes().getOrDefault("COMPLETED", 0L);
        long failed = in.outcomes().getOrDefault("FAILED", 0L);
        return new ReviewFigures.Orders(
                entered,
                completed,
                failed,
                in.lost(),
                in.stuck(),
                share(completed, entered),
                share(failed, entered),
                share(in.lost(), entered),
                share(in.stuck(), entered));
    }

    static List<StageRow> stages(ReviewInputs in) {
        List<ReviewInputs.WeekHistograms> weeks = in.weeks();
        ReviewInputs.WeekHistograms current = weeks.getLast();
        ReviewInputs.WeekHistograms previous = weeks.size() > 1 ? weeks.get(weeks.size() - 2) : null;
        List<StageRow> rows = new ArrayList<>();
        for (String stageId : in.stageIds()) {
            Histogram now = histogram(current, stageId);
            PeriodComparison comparison = PeriodComparison.of(stageId, now, histogram(previous, stageId));
            List<TrendPoint> trend = weeks.stream()
                    .map(week -> {
                        Histogram histogram = histogram(week, stageId);
                        return new TrendPoint(
                                week.week().toString(),
                                histogram.total(),
                                millis(Metric.P95.of(histogram)),
                                value(Metric.SLA.of(histogram)));
                    })
                    .toList();
            Duration sla = in.slas().get(stageId);
            rows.add(new StageRow(
                    stageId,
                    now.total(),
                    millis(Metric.P50.of(now)),
                    millis(Metric.P95.of(now)),
                    millis(Metric.P99.of(now)),
                    sla == null ? null : (double) sla.toMillis(),
                    value(Metric.SLA.of(now)),
                    value(Metric.ERROR_RATE.of(now)),
                    comparison.change(Metric.P95).delta(),
                    comparison.change(Metric.SLA).delta(),
                    trend));
        }
        return rows;
    }

    /** The stages whose p95 is furthest above (or least below) their SLA: the ones to talk about first. */
    static List<String> slowest(List<StageRow> stages) {
        return stages.stream()
                .filter(row -> row.p95Ms() != null && row.slaMs() != null && row.slaMs() > 0)
                .sorted(Comparator.comparingDouble((StageRow row) -> row.p95Ms() / row.slaMs())
                        .reversed())
                .limit(SLOWEST)
                .map(StageRow::stageId)
                .toList();
    }

    static List<FailureRow> failures(List<FailureRow> failures) {
        return failures.stream()
                .sorted(Comparator.comparingLong(FailureRow::orders).reversed().thenComparing(FailureRow::fingerprint))
                .limit(TOP_FAILURES)
                .toList();
    }

    static ReviewFigures.Incidents incidents(List<IncidentTimes> incidents) {
        List<IncidentRow> rows = incidents.stream()
                .map(incident -> new IncidentRow(
                        incident.key(),
                        incident.severity().name(),
                        incident.status().name(),
                        seconds(incident.timeToAcknowledge()),
                        seconds(incident.timeToResolve()),
                        incident.orders()))
                .toList();
        int resolved =
                (int) rows.stream().filter(row -> row.resolveSeconds() != null).count();
        return new ReviewFigures.Incidents(
                rows.size(),
                resolved,
                median(rows.stream()
                        .map(IncidentRow::acknowledgeSeconds)
                        .filter(Objects::nonNull)
                        .toList()),
                median(rows.stream()
                        .map(IncidentRow::resolveSeconds)
                        .filter(Objects::nonNull)
                        .toList()),
                rows);
    }

    static List<Quality> quality(ReviewInputs in, Instant from, Instant to, List<StageRow> stages) {
        List<Quality> issues = new ArrayList<>();
        long entered =
                in.outcomes().values().stream().mapToLong(Long::longValue).sum();
        long measured = stages.stream().mapToLong(StageRow::orders).sum();
        if (entered == 0) {
            issues.add(new Quality(QualityIssue.NO_ORDERS, 0));
        } else if (measured == 0) {
            issues.add(new Quality(QualityIssue.NO_MEASUREMENTS, entered));
        }
        long empty = hoursWithoutData(in.hourly(), in.now());
        if (measured > 0 && empty > 0) {
            issues.add(new Quality(QualityIssue.HOURS_WITHOUT_DATA, empty));
        }
        if (in.now().isBefore(to)) {
            issues.add(new Quality(QualityIssue.WEEK_NOT_OVER, 0));
        }
        if (in.samplingRatio() != null) {
            issues.add(new Quality(QualityIssue.RATIO_SAMPLING, in.samplingRatio()));
        }
        if (in.brokenHops() > 0) {
            issues.add(new Quality(QualityIssue.BROKEN_HOPS, in.brokenHops()));
        }
        issues.addAll(index(in.index(), in.now(), to));
        return issues;
    }

    /** The index-health part: whether the indexer had read the week, and whether it was failing. */
    static List<Quality> index(ReviewInputs.IndexState index, Instant now, Instant to) {
        List<Quality> issues = new ArrayList<>();
        Instant needed = now.isBefore(to) ? now : to;
        if (index.indexedUntil() == null) {
            issues.add(new Quality(QualityIssue.INDEX_NOT_RUN, 0));
        } else if (index.behindTooFar() && index.indexedUntil().isBefore(needed)) {
            long minutes = (Duration.between(index.indexedUntil(), needed).toSeconds() + 59) / 60;
            issues.add(new Quality(QualityIssue.INDEX_BEHIND, minutes));
        }
        if (index.failures() > 0) {
            issues.add(new Quality(QualityIssue.INDEX_FAILING, index.failures()));
        }
        return issues;
    }

    /** Hours (already past) in which no stage of any order ended. */
    static long hoursWithoutData(List<StageSeries> hourly, Instant now) {
        if (hourly.isEmpty()) {
            return 0;
        }
        List<StageSeries.Point> first = hourly.getFirst().points();
        long empty = 0;
        for (int i = 0; i < first.size(); i++) {
            int index = i;
            boolean past = first.get(i).start().isBefore(now);
            if (past
                    && hourly.stream()
                            .allMatch(series ->
                                    series.points().get(index).histogram().total() == 0)) {
                empty++;
            }
        }
        return empty;
    }

    private static Histogram histogram(ReviewInputs.WeekHistograms week, String stageId) {
        Histogram histogram = week == null ? null : week.byStage().get(stageId);
        return histogram == null ? new Histogram() : histogram;
    }

    private static Double share(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }

    private static Double millis(OptionalDouble micros) {
        return micros.isPresent() ? micros.getAsDouble() / 1000.0 : null;
    }

    private static Double value(OptionalDouble value) {
        return value.isPresent() ? value.getAsDouble() : null;
    }

    private static Long seconds(Duration duration) {
        return duration == null ? null : duration.toSeconds();
    }

    /** The lower median, a time that really occurred. */
    static Long median(List<Long> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get((sorted.size() - 1) / 2);
    }
}

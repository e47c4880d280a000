package com.jewellery.ordertracing.review.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.jewellery.ordertracing.analytics.Histogram;
import com.jewellery.ordertracing.analytics.LogBuckets;
import com.jewellery.ordertracing.analytics.Resolution;
import com.jewellery.ordertracing.analytics.StageSeries;
import com.jewellery.ordertracing.incidents.api.IncidentTimes;
import com.jewellery.ordertracing.incidents.domain.IncidentStatus;
import com.jewellery.ordertracing.incidents.domain.Severity;
import com.jewellery.ordertracing.review.domain.ReviewFigures.FailureRow;
import com.jewellery.ordertracing.review.domain.ReviewFigures.QualityIssue;
import com.jewellery.ordertracing.review.domain.ReviewFigures.StageRow;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ReviewCalculatorTest {

    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    private static final IsoWeek WEEK = IsoWeek.parse("2026-W48").orElseThrow();
    private static final Instant AFTER = WEEK.end(MOSCOW).plus(Duration.ofHours(9));
    private static final List<String> STAGES = List.of("pricing", "mes", "end_to_end");
    private static final Map<String, Duration> SLAS = Map.of(
            "pricing", Duration.ofMillis(200), "mes", Duration.ofSeconds(1), "end_to_end", Duration.ofSeconds(5));

    @Test
    void ordersAndTheirRatesComeFromTheOutcomesAndTheLostList() {
        ReviewFigures.Orders orders = ReviewCalculator.figures(inputs(
                        Map.of("COMPLETED", 90L, "FAILED", 6L, "IN_PROGRESS", 4L),
                        3,
                        1,
                        weeks(6),
                        List.of(),
                        List.of()))
                .orders();
        assertThat(orders.entered()).isEqualTo(100);
        assertThat(orders.completed()).isEqualTo(90);
        assertThat(orders.failedRate()).isEqualTo(0.06);
        assertThat(orders.lostRate()).isEqualTo(0.03);
        assertThat(orders.stuckRate()).isEqualTo(0.01);
    }

    @Test
    void stagePercentilesSlaAndWeekOverWeekChangesFromTheWeeksHistograms() {
        // pricing: this week 100 orders of 100 ms .. 10 s by 100 ms; last week every duration half as long
        List<ReviewInputs.WeekHistograms> weeks = weeks(4);
        ReviewFigures figures =
                ReviewCalculator.figures(inputs(Map.of("COMPLETED", 100L), 0, 0, weeks, List.of(), List.of()));
        StageRow pricing = figures.stages().getFirst();
        assertThat(pricing.stageId()).isEqualTo("pricing");
        assertThat(pricing.orders()).isEqualTo(100);
        assertThat(pricing.p50Ms()).isCloseTo(5_000, within(5_000 * LogBuckets.RELATIVE_ERROR));
        assertThat(pricing.p95Ms()).isCloseTo(9_500, within(9_500 * LogBuckets.RELATIVE_ERROR));
        assertThat(pricing.p99Ms()).isCloseTo(9_900, within(9_900 * LogBuckets.RELATIVE_ERROR));
        assertThat(pricing.slaCompliance()).isEqualTo(0.02); // 100 ms and 200 ms
        assertThat(pricing.p95Change()).isCloseTo(1.0, within(0.03)); // twice last week's
        assertThat(pricing.slaChange()).isCloseTo(0.02 - 0.04, within(1e-9));
        assertThat(pricing.trend())
                .extracting(ReviewFigures.TrendPoint::week)
                .containsExactly("2026-W45", "2026-W46", "2026-W47", "2026-W48");
        assertThat(figures.stages().get(1).p95Ms()).isNull(); // mes had nothing
        assertThat(figures.stages().get(1).p95Change()).isNull();
    }

    @Test
    void theSlowestStagesAreTheFurthestOverTheirSla() {
        List<StageRow> rows = List.of(
                row("a", 300, 100),
                row("b", 90, 100),
                row("c", 2_000, 1_000),
                row("d", null, 100),
                row("e", 50, 1_000));
        assertThat(ReviewCalculator.slowest(rows)).containsExactly("a", "c", "b");
    }

    @Test
    void topFailuresByOrdersWithTheirIncidents() {
        List<FailureRow> failures = new ArrayList<>();
        IntStream.range(0, 12)
                .forEach(i -> failures.add(new FailureRow(
                        "v1:" + i, "pricing", "no quote " + i, i, i == 11 ? List.of("INC-7") : List.of())));
        List<FailureRow> top = ReviewCalculator.figures(
                        inputs(Map.of("FAILED", 66L), 0, 0, weeks(1), failures, List.of()))
                .failures();
        assertThat(top).hasSize(ReviewCalculator.TOP_FAILURES);
        assertThat(top.getFirst().orders()).isEqualTo(11);
        assertThat(top.getFirst().incidents()).containsExactly("INC-7");
        assertThat(top.getLast().orders()).isEqualTo(2);
    }

    @Test
    void incidentsOpenedResolvedAndTheirMedianTimes() {
        Instant created = WEEK.start(MOSCOW).plus(Duration.ofHours(10));
        List<IncidentTimes> incidents = List.of(
                times("INC-1", created, Duration.ofMinutes(5), Duration.ofHours(2)),
                times("INC-2", created, Duration.ofMinutes(15), null),
                times("INC-3", created, Duration.ofMinutes(30), Duration.ofHours(6)),
                times("INC-4", created, null, null));
        ReviewFigures.Incidents figures = ReviewCalculator.figures(
                        inputs(Map.of("COMPLETED", 1L), 0, 0, weeks(1), List.of(), incidents))
                .incidents();
        assertThat(figures.opened()).isEqualTo(4);
        assertThat(figures.resolved()).isEqualTo(2);
        assertThat(figures.medianAcknowledgeSeconds()).isEqualTo(15 * 60);
        assertThat(figures.medianResolveSeconds()).isEqualTo(2 * 3600);
        assertThat(figures.rows())
                .extracting(ReviewFigures.IncidentRow::acknowledgeSeconds)
                .containsExactly(300L, 900L, 1800L, null);
    }

    @Test
    void aWeekWithoutOrdersSaysSo() {
        ReviewFigures figures = ReviewCalculator.figures(
                inputs(Map.of(), 0, 0, List.of(new ReviewInputs.WeekHistograms(WEEK, Map.of())), List.of(), List.of()));
        assertThat(figures.hasData()).isFalse();
        assertThat(figures.dataQuality())
                .extracting(ReviewFigures.Quality::issue)
                .containsExactly(QualityIssue.NO_ORDERS);
        assertThat(figures.orders().completedRate()).isNull();
    }

    @Test
    void ordersWithoutMeasurementsAndHoursWithoutDataArePartial() {
        ReviewInputs noMeasurements = inputs(
                Map.of("COMPLETED", 5L),
                0,
                0,
                List.of(new ReviewInputs.WeekHistograms(WEEK, Map.of())),
                List.of(),
                List.of());
        assertThat(ReviewCalculator.figures(noMeasurements).dataQuality())
                .extracting(ReviewFigures.Quality::issue)
                .containsExactly(QualityIssue.NO_MEASUREMENTS);

        Resolution hours = Resolution.fitting(WEEK.start(MOSCOW), WEEK.end(MOSCOW));
        Map<Instant, Histogram> byHour = new HashMap<>();
        hours.bucketStarts().stream().skip(10).forEach(start -> byHour.put(start, histogramOf(1_000)));
        List<StageSeries> hourly = List.of(StageSeries.of("pricing", hours, byHour));
        ReviewInputs partial = new ReviewInputs(
                WEEK,
                MOSCOW,
                AFTER,
                Map.of("COMPLETED", 5L),
                0,
                0,
                STAGES,
                SLAS,
                weeks(1),
                hourly,
                List.of(),
                List.of(),
                0.1,
                2,
                ReviewInputs.IndexState.healthy(AFTER));
        assertThat(ReviewCalculator.figures(partial).dataQuality())
                .extracting(ReviewFigures.Quality::issue, ReviewFigures.Quality::value)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(QualityIssue.HOURS_WITHOUT_DATA, 10.0),
                        org.assertj.core.groups.Tuple.tuple(QualityIssue.RATIO_SAMPLING, 0.1),
                        org.assertj.core.groups.Tuple.tuple(QualityIssue.BROKEN_HOPS, 2.0));
    }

    @Test
    void aReviewBeforeTheWeekEndsSaysSo() {
        ReviewInputs early = new ReviewInputs(
                WEEK,
                MOSCOW,
                WEEK.end(MOSCOW).minusSeconds(1),
                Map.of("COMPLETED", 5L),
                0,
                0,
                STAGES,
                SLAS,
                weeks(1),
                List.of(),
                List.of(),
                List.of(),
                null,
                0,
                ReviewInputs.IndexState.healthy(WEEK.end(MOSCOW).minusSeconds(2)));
        assertThat(ReviewCalculator.figures(early).dataQuality())
                .extracting(ReviewFigures.Quality::issue)
                .containsExactly(QualityIssue.WEEK_NOT_OVER);
    }

    @Test
    void theIndexHealthPartSaysWhetherTheWeekWasReadAndWhetherTheIndexerFailed() {
        Instant end = WEEK.end(MOSCOW);
        // lagging now, but the week was read to its end: nothing to say about the week
        assertThat(ReviewCalculator.index(new ReviewInputs.IndexState(end, true, 0, null), AFTER, end))
                .isEmpty();
        // stopped 90 s before the week's end and behind its limit: the last two minutes may be missing
        assertThat(ReviewCalculator.index(
                        new ReviewInputs.IndexState(end.minusSeconds(90), true, 3, "Jaeger unreachable"), AFTER, end))
                .extracting(ReviewFigures.Quality::issue, ReviewFigures.Quality::value)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(QualityIssue.INDEX_BEHIND, 2.0),
                        org.assertj.core.groups.Tuple.tuple(QualityIssue.INDEX_FAILING, 3.0));
        // a few seconds behind, within its limit: fine
        assertThat(ReviewCalculator.index(new ReviewInputs.IndexState(end.minusSeconds(5), false, 0, null), AFTER, end))
                .isEmpty();
        // generated during the week: measured against now, not the week's end
        Instant during = end.minus(java.time.Duration.ofDays(2));
        assertThat(ReviewCalculator.index(
                        new ReviewInputs.IndexState(during.minusSeconds(600), true, 0, null), during, end))
                .extracting(ReviewFigures.Quality::issue, ReviewFigures.Quality::value)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(QualityIssue.INDEX_BEHIND, 10.0));
        assertThat(ReviewCalculator.index(new ReviewInputs.IndexState(null, true, 0, null), AFTER, end))
                .extracting(ReviewFigures.Quality::issue)
                .containsExactly(QualityIssue.INDEX_NOT_RUN);
    }

    private static ReviewInputs inputs(
            Map<String, Long> outcomes,
            long lost,
            long stuck,
            List<ReviewInputs.WeekHistograms> weeks,
            List<FailureRow> failures,
            List<IncidentTimes> incidents) {
        return new ReviewInputs(
                WEEK,
                MOSCOW,
                AFTER,
                outcomes,
                lost,
                stuck,
                STAGES,
                SLAS,
                weeks,
                List.of(),
                failures,
                incidents,
                null,
                0,
                ReviewInputs.IndexState.healthy(AFTER));
    }

    /** {@code count} weeks ending with WEEK; in week i (oldest 0) pricing takes (i+1)/count of this week's times. */
    private static List<ReviewInputs.WeekHistograms> weeks(int count) {
        List<ReviewInputs.WeekHistograms> weeks = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            IsoWeek week = WEEK.minus(count - 1 - i);
            // this week 100 ms steps, the week before 50 ms steps ...
            long stepMicros = i == count - 1 ? 100_000 : 50_000;
            Histogram pricing = new Histogram();
            for (int k = 1; k <= 100; k++) {
                long micros = k * stepMicros;
                pricing.add(LogBuckets.bucketOf(micros), 1, 0, micros <= 200_000 ? 1 : 0);
            }
            weeks.add(new ReviewInputs.WeekHistograms(
                    week, Map.of("pricing", pricing, "end_to_end", histogramOf(2_000_000))));
        }
        return weeks;
    }

    private static Histogram histogramOf(long micros) {
        Histogram histogram = new Histogram();
        histogram.add(LogBuckets.bucketOf(micros), 1, 0, 1);
        return histogram;
    }

    private static StageRow row(String id, Integer p95, double sla) {
        return new StageRow(
                id, 1, null, p95 == null ? null : p95.doubleValue(), null, sla, null, null, null, null, List.of());
    }

    private static IncidentTimes times(String key, Instant created, Duration ack, Duration resolve) {
        return new IncidentTimes(
                key,
                Severity.HIGH,
                resolve == null ? IncidentStatus.INVESTIGATING : IncidentStatus.RESOLVED,
                created,
                ack == null ? null : created.plus(ack),
                null,
                resolve == null ? null : created.plus(resolve),
                0,
                3);
    }
}

package com.jewellery.ordertracing.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PeriodComparisonTest {

    @Test
    void durationsAndCountsChangeByARatioSharesByPoints() {
        Histogram previous = histogram(100, 1_000_000, 1, 90);
        Histogram current = histogram(150, 2_000_000, 6, 120);

        PeriodComparison comparison = PeriodComparison.of("mes.price", current, previous);

        assertThat(comparison.change(Metric.ORDERS).delta()).isCloseTo(0.5, within(1e-9));
        assertThat(comparison.change(Metric.P50).delta()).isCloseTo(1.0, within(0.03));
        assertThat(comparison.change(Metric.ERROR_RATE).current()).isCloseTo(0.04, within(1e-9));
        assertThat(comparison.change(Metric.ERROR_RATE).delta()).isCloseTo(0.03, within(1e-9));
        assertThat(comparison.change(Metric.SLA).delta()).isCloseTo(0.8 - 0.9, within(1e-9));
    }

    @Test
    void anEmptyPeriodHasNoDeltaAndARiseFromZeroOrdersIsNoRatio() {
        Histogram current = histogram(10, 5_000, 0, 10);

        PeriodComparison comparison = PeriodComparison.of("shop.create", current, new Histogram());

        assertThat(comparison.change(Metric.P95).previous()).isNull();
        assertThat(comparison.change(Metric.P95).delta()).isNull();
        assertThat(comparison.change(Metric.ORDERS).previous()).isZero();
        assertThat(comparison.change(Metric.ORDERS).delta())
                .as("+∞ % says nothing")
                .isNull();
        assertThat(comparison.change(Metric.ERROR_RATE).delta()).isNull();
    }

    @Test
    void aSeriesHasEveryBucketEmptyOnesIncludedAndTheirSum() {
        Instant from = Instant.parse("2026-12-01T08:00:00Z");
        Resolution resolution = Resolution.fitting(from, from.plus(Duration.ofHours(1)));
        Histogram at5 = histogram(3, 10_000, 1, 3);
        Histogram at30 = histogram(2, 20_000, 0, 1);

        StageSeries series = StageSeries.of(
                "crm.process", resolution, Map.of(from.plusSeconds(300), at5, from.plusSeconds(1800), at30));

        assertThat(series.points()).hasSize(60);
        assertThat(series.points().get(5).histogram().total()).isEqualTo(3);
        assertThat(series.points().get(6).histogram().total()).isZero();
        assertThat(series.total().total()).isEqualTo(5);
        assertThat(series.total().errors()).isEqualTo(1);
        assertThat(series.total().slaOk()).isEqualTo(4);
    }

    private static Histogram histogram(int orders, long micros, int errors, int withinSla) {
        Histogram histogram = new Histogram();
        for (int i = 0; i < orders; i++) {
            histogram.add(LogBuckets.bucketOf(micros), 1, i < errors ? 1 : 0, i < withinSla ? 1 : 0);
        }
        return histogram;
    }
}

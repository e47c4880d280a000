package com.jewellery.ordertracing.analytics.ui;

import com.jewellery.ordertracing.analytics.Metric;
import com.jewellery.ordertracing.analytics.PeriodComparison;
import com.jewellery.ordertracing.analytics.StageMeasurement;
import com.jewellery.ordertracing.base.StageNames;
import com.vaadin.flow.component.Component;
import java.text.NumberFormat;
import java.time.Duration;
import java.util.Locale;
import java.util.OptionalDouble;

/** Values of the analytics view in the reader's language and human units. */
final class AnalyticsText {

    private final Component component;
    private final Locale locale;

    AnalyticsText(Component component, Locale locale) {
        this.component = component;
        this.locale = locale;
    }

    Locale locale() {
        return locale;
    }

    String stage(String stageId) {
        return StageMeasurement.END_TO_END.equals(stageId)
                ? t("analytics.stage.endToEnd")
                : StageNames.name(component::getTranslation, stageId);
    }

    /** 0.45 ms, 12.3 ms, 456 ms, 12.35 s, 4 min 05 s, 2 h 07 min. */
    String duration(double micros) {
        double millis = micros / 1000;
        if (millis < 1000) {
            return t("analytics.unit.ms", number(millis, millis < 10 ? 2 : millis < 100 ? 1 : 0));
        }
        if (millis < 60_000) {
            return t("analytics.unit.s", number(millis / 1000, 2));
        }
        long seconds = Math.round(millis / 1000);
        if (seconds < 3600) {
            return t("analytics.unit.min", seconds / 60, String.format("%02d", seconds % 60));
        }
        long minutes = seconds / 60;
        return t("analytics.unit.h", minutes / 60, String.format("%02d", minutes % 60));
    }

    String duration(Duration duration) {
        return duration(duration.toNanos() / 1000.0);
    }

    String share(double share) {
        return t("analytics.unit.share", number(share * 100, 2));
    }

    String count(double count) {
        return number(count, 0);
    }

    String value(Metric metric, OptionalDouble value) {
        return value.isPresent() ? value(metric, value.getAsDouble()) : t("analytics.none");
    }

    String value(Metric metric, Double value) {
        if (value == null) {
            return t("analytics.none");
        }
        return switch (metric.kind()) {
            case DURATION -> duration(value);
            case COUNT -> count(value);
            case SHARE -> share(value);
        };
    }

    /** +12.3 % for durations and counts, +2.10 pp for shares, — without a delta. */
    String delta(Metric metric, PeriodComparison.Change change) {
        if (change.delta() == null) {
            return t("analytics.none");
        }
        double delta = change.delta() * 100;
        String signed = (delta > 0 ? "+" : "") + number(delta, metric.kind() == Metric.Kind.SHARE ? 2 : 1);
        return metric.kind() == Metric.Kind.SHARE
                ? t("analytics.delta.points", signed)
                : t("analytics.delta.percent", signed);
    }

    String t(String key, Object... args) {
        return component.getTranslation(key, args);
    }

    private String number(double value, int decimals) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(decimals);
        format.setMaximumFractionDigits(decimals);
        return format.format(value);
    }
}

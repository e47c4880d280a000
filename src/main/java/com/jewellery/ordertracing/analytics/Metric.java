package com.jewellery.ordertracing.analytics;

import java.util.OptionalDouble;

/** What a chart or a comparison shows of a histogram; durations in microseconds, shares as 0..1. */
public enum Metric {
    P50(Kind.DURATION),
    P95(Kind.DURATION),
    P99(Kind.DURATION),
    ORDERS(Kind.COUNT),
    ERROR_RATE(Kind.SHARE),
    SLA(Kind.SHARE);

    /** How a value is shown and how two periods are compared. */
    public enum Kind {
        /** Compared as a relative change. */
        DURATION,
        /** Compared as a relative change. */
        COUNT,
        /** Compared as a difference in percentage points. */
        SHARE
    }

    private final Kind kind;

    Metric(Kind kind) {
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public OptionalDouble of(Histogram histogram) {
        return switch (this) {
            case P50 -> histogram.percentileMicros(0.50);
            case P95 -> histogram.percentileMicros(0.95);
            case P99 -> histogram.percentileMicros(0.99);
            case ORDERS -> OptionalDouble.of(histogram.total());
            case ERROR_RATE -> histogram.errorRate();
            case SLA -> histogram.slaCompliance();
        };
    }
}

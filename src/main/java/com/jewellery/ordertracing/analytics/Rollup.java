package com.jewellery.ordertracing.analytics;

import java.time.Duration;

/** The two rollup tables and the time each row covers. */
public enum Rollup {
    MINUTE("stage_rollup_minute", Duration.ofMinutes(1)),
    HOUR("stage_rollup_hour", Duration.ofHours(1));

    private final String table;
    private final Duration width;

    Rollup(String table, Duration width) {
        this.table = table;
        this.width = width;
    }

    public String table() {
        return table;
    }

    public Duration width() {
        return width;
    }
}

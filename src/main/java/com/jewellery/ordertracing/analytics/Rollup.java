package com.jewellery.ordertracing.analytics;

import java.time.Duration;

/**
 * The rollup tables and the time each row covers. A chart reads the coarsest one whose rows fit its step: the
 * number of rows a chart reads, not their size, is what its time follows.
 */
public enum Rollup {
    MINUTE("stage_rollup_minute", Duration.ofMinutes(1)),
    /** The 24-hour chart's: 96 rows per stage and period instead of 1,440 minute rows. */
    QUARTER_HOUR("stage_rollup_15m", Duration.ofMinutes(15)),
    HOUR("stage_rollup_hour", Duration.ofHours(1)),
    SIX_HOURS("stage_rollup_6h", Duration.ofHours(6));

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

    /** The coarsest rollup whose rows divide the step. */
    public static Rollup forStep(Duration step) {
        Rollup best = MINUTE;
        for (Rollup rollup : values()) {
            if (step.toSeconds() % rollup.width.toSeconds() == 0) {
                best = rollup;
            }
        }
        return best;
    }
}

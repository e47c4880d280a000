package com.jewellery.ordertracing.alerts;

/** What an alert rule watches. */
public enum AlertRuleKind {
    /** Any order that failed (at the rule's stage, or anywhere) within the window: one alert per order. */
    CRITICAL_ERROR,
    /** More stuck or lost orders (at the stage, first seen within the window) than the threshold. */
    STUCK_COUNT,
    /** Errors per order reaching a stage, within the window, above the threshold in percent: one alert per stage. */
    ERROR_RATE
}

package com.jewellery.ordertracing.incidents.domain;

/** How bad an incident is, mildest first. */
public enum Severity {
    LOW,
    MEDIUM,
    HIGH,
    CRITICAL
}

package com.jewellery.ordertracing.status;

import java.time.Instant;
import java.util.List;

/** The answer of every status check at one moment. */
public record SystemStatus(Instant checkedAt, List<ComponentStatus> components) {}

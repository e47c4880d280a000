package com.jewellery.ordertracing.incidents.api;

import java.time.Instant;

/**
 * Many recent failures of one kind and no incident for them: "23 orders failed at price calculation with
 * 'no price quote for metal …' since 10:14 — open an incident?".
 *
 * @param sampleOrderId the first of those orders, from which an incident can be opened
 */
public record FailureSuggestion(
        String fingerprint, String stage, String summary, long orders, Instant since, String sampleOrderId) {}

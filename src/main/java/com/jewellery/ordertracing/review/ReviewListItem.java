package com.jewellery.ordertracing.review;

import java.time.Instant;

/** A week in the list of reviews: its latest version. */
public record ReviewListItem(String week, int version, Instant generatedAt, String generatedBy, boolean hasData) {}

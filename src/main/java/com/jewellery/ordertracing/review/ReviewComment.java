package com.jewellery.ordertracing.review;

import java.time.Instant;

/** An analyst's commentary on one section of a week; {@code version} 0 when nothing is written yet. */
public record ReviewComment(
        String week, ReviewSection section, String text, long version, Instant updatedAt, String updatedBy) {

    public static ReviewComment empty(String week, ReviewSection section) {
        return new ReviewComment(week, section, "", 0, null, null);
    }
}

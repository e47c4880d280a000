package com.jewellery.ordertracing.review;

import com.jewellery.ordertracing.review.domain.ReviewFigures;
import java.time.Instant;

/** One generated version of a week's review. */
public record StoredReview(String week, int version, Instant generatedAt, String generatedBy, ReviewFigures figures) {}

package com.jewellery.ordertracing.review;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every instance checks whether the latest due week has its review; the generator's lock and the unique
 * key make exactly one of them write it. Checking (rather than a cron at the due time) also catches up
 * after the portal was down at the due time.
 */
@Component
class ReviewScheduler {

    private static final Logger LOG = LoggerFactory.getLogger(ReviewScheduler.class);

    private final ReviewGenerator generator;
    private final ReviewProperties properties;
    private final Clock clock;

    ReviewScheduler(ReviewGenerator generator, ReviewProperties properties, Clock clock) {
        this.generator = generator;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(
            fixedDelayString = "${portal.review.check-interval:5m}",
            initialDelayString = "${portal.review.check-interval:5m}")
    void generateDue() {
        var week = properties.schedule().latestDue(clock.instant());
        generator.generateIfAbsent(week).ifPresent(figures -> LOG.info("Weekly review {} generated", figures.week()));
    }
}

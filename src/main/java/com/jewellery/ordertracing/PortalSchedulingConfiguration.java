package com.jewellery.ordertracing;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * The scheduler of the portal's background tasks (alert evaluation, notification delivery, the incident matcher,
 * the weekly review's check). With virtual threads on, Spring Boot's default scheduler runs every fixed-delay task
 * on one thread, so a webhook that takes its whole timeout held the matcher and the other tasks up behind it. A
 * thread per task lets each keep its own rhythm. The indexer has a thread of its own anyway.
 */
@Configuration(proxyBeanMethods = false)
class PortalSchedulingConfiguration {

    /** The {@code @Scheduled} methods: alert evaluation and delivery, incident matching, the review's check. */
    private static final int SCHEDULED_TASKS = 4;

    @Bean
    TaskScheduler taskScheduler() {
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        scheduler.setPoolSize(SCHEDULED_TASKS);
        scheduler.setThreadNamePrefix("portal-task-");
        scheduler.setWaitForTasksToCompleteOnShutdown(false);
        return scheduler;
    }
}

package com.jewellery.ordertracing.index.run;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the indexer cycle on a thread of its own, every interval after the previous run ended, from
 * application start to shutdown; on shutdown the lock is given up so another instance takes over at once.
 */
final class IndexerScheduler implements SmartLifecycle {

    private final IndexerCycle cycle;
    private final Duration interval;
    private final boolean enabled;
    private ScheduledExecutorService executor;

    IndexerScheduler(IndexerCycle cycle, Duration interval, boolean enabled) {
        this.cycle = cycle;
        this.interval = interval;
        this.enabled = enabled;
    }

    @Override
    public synchronized void start() {
        if (!enabled || executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("indexer").daemon().factory());
        executor.scheduleWithFixedDelay(cycle::runOnce, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (executor == null) {
            return;
        }
        executor.shutdownNow();
        try {
            executor.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        executor = null;
        cycle.release();
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}

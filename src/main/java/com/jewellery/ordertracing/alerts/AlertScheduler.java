package com.jewellery.ordertracing.alerts;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Evaluates the rules (every minute by default) and works off the outbox (every 10 s by default). */
@Component
class AlertScheduler {

    private final AlertEngine engine;
    private final NotificationDispatcher dispatcher;

    AlertScheduler(AlertEngine engine, NotificationDispatcher dispatcher) {
        this.engine = engine;
        this.dispatcher = dispatcher;
    }

    @Scheduled(
            fixedDelayString = "${portal.alerts.evaluation-interval:60s}",
            initialDelayString = "${portal.alerts.evaluation-interval:60s}")
    void evaluate() {
        engine.evaluateAll();
    }

    @Scheduled(
            fixedDelayString = "${portal.alerts.delivery-interval:10s}",
            initialDelayString = "${portal.alerts.delivery-interval:10s}")
    void deliver() {
        dispatcher.deliverDue();
    }
}

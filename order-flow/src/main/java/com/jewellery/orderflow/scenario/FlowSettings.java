package com.jewellery.orderflow.scenario;

import com.jewellery.orderflow.instrumentation.TelemetrySettings;
import java.time.Duration;

/**
 * Where the three services listen and what they talk to.
 *
 * @param rabbitUri for example {@code amqp://guest:guest@127.0.0.1:5672}; a path selects the virtual host
 * @param shopPort 0 for any free port
 * @param crmPort 0 for any free port
 * @param slowPricing how long a SLOW_PRICING order's pricing takes
 */
public record FlowSettings(
        TelemetrySettings telemetry, String rabbitUri, int shopPort, int crmPort, Duration slowPricing) {}

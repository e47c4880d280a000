package com.jewellery.ordertracing.status;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What the status page probes beyond the portal's own beans.
 *
 * @param rabbitmqUri the broker the order flow uses
 * @param timeout     how long one probe may take
 */
@ConfigurationProperties("portal.status")
public record StatusProperties(String rabbitmqUri, Duration timeout) {

    public StatusProperties {
        rabbitmqUri = rabbitmqUri == null ? "amqp://guest:guest@127.0.0.1:5672" : rabbitmqUri;
        timeout = timeout == null ? Duration.ofSeconds(3) : timeout;
    }
}

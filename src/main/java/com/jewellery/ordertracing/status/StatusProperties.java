package com.jewellery.ordertracing.status;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What the status page probes beyond the portal's own beans.
 *
 * @param rabbitmqUri           the broker the order flow uses (its user also reads the management API)
 * @param timeout               how long one probe may take
 * @param rabbitmqManagementUrl the broker's management API, for its own message counts
 * @param inboxQueue            the MES inbox queue whose depth is shown
 * @param deadLetterQueue       the dead-letter queue whose depth is shown
 */
@ConfigurationProperties("portal.status")
public record StatusProperties(
        String rabbitmqUri, Duration timeout, URI rabbitmqManagementUrl, String inboxQueue, String deadLetterQueue) {

    public StatusProperties {
        rabbitmqUri = rabbitmqUri == null ? "amqp://guest:guest@127.0.0.1:5672" : rabbitmqUri;
        timeout = timeout == null ? Duration.ofSeconds(3) : timeout;
        rabbitmqManagementUrl =
                rabbitmqManagementUrl == null ? URI.create("http://127.0.0.1:15672") : rabbitmqManagementUrl;
        inboxQueue = inboxQueue == null ? "orders.mes.inbox" : inboxQueue;
        deadLetterQueue = deadLetterQueue == null ? "orders.mes.dlq" : deadLetterQueue;
    }
}

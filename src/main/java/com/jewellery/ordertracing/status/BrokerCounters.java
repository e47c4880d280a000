package com.jewellery.ordertracing.status;

/**
 * What the broker itself counted, since it started, across its virtual hosts: the reconciliation for
 * what traces cannot tell (a message the broker drops leaves no span after the publish).
 *
 * @param published        messages published
 * @param delivered        messages delivered to consumers
 * @param droppedUnroutable published messages no queue was bound for, dropped silently
 * @param returnedUnroutable mandatory messages returned to the publisher as unroutable
 * @param inbox            messages waiting in the MES inbox queue now
 * @param deadLettered     messages in the dead-letter queue now
 */
public record BrokerCounters(
        long published,
        long delivered,
        long droppedUnroutable,
        long returnedUnroutable,
        long inbox,
        long deadLettered) {

    public long unroutable() {
        return droppedUnroutable + returnedUnroutable;
    }
}

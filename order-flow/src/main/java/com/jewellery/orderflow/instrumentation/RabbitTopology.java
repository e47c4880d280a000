package com.jewellery.orderflow.instrumentation;

import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import java.io.IOException;
import java.util.Map;

/**
 * The exchange and queues between CRM and MES. Both services declare them on start (declaring is
 * idempotent), so neither depends on the other having started first.
 *
 * <pre>
 * CRM --publish(routing key "mes")--> exchange orders.mes (direct) --> queue orders.mes.inbox --> MES
 *                                                     rejected messages --> orders.mes.dlq (fanout) --> queue orders.mes.dlq
 * </pre>
 */
public final class RabbitTopology {

    public static final String EXCHANGE = "orders.mes";
    public static final String ROUTING_KEY = "mes";
    public static final String INBOX_QUEUE = "orders.mes.inbox";
    /** The dead-letter exchange and its queue share this name. */
    public static final String DEAD_LETTER = "orders.mes.dlq";

    private RabbitTopology() {}

    public static void declare(Channel channel) throws IOException {
        channel.exchangeDeclare(EXCHANGE, BuiltinExchangeType.DIRECT, true);
        channel.exchangeDeclare(DEAD_LETTER, BuiltinExchangeType.FANOUT, true);
        channel.queueDeclare(DEAD_LETTER, true, false, false, null);
        channel.queueBind(DEAD_LETTER, DEAD_LETTER, "");
        channel.queueDeclare(INBOX_QUEUE, true, false, false, Map.of("x-dead-letter-exchange", DEAD_LETTER));
        channel.queueBind(INBOX_QUEUE, EXCHANGE, ROUTING_KEY);
    }
}

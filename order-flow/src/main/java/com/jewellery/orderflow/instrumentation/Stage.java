package com.jewellery.orderflow.instrumentation;

/**
 * The stages of the trace contract (docs/decisions/0002). The ground truth names the stage where an
 * order stops or fails by these ids, the same ids the portal's stage catalog uses.
 */
public enum Stage {
    SHOP_CREATE("shop.create"),
    SHOP_SEND("shop.send"),
    CRM_PROCESS("crm.process"),
    CRM_PUBLISH("crm.publish"),
    RABBITMQ_QUEUE("rabbitmq.queue"),
    MES_CONSUME("mes.consume"),
    MES_PRICE("mes.price"),
    MES_APPROVE("mes.approve");

    private final String id;

    Stage(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}

package com.jewellery.orderflow.instrumentation;

/** The statuses an order passes through, in order (trace contract, docs/decisions/0002). */
public enum OrderStatus {
    CREATED,
    SENT_TO_CRM,
    IN_CRM,
    SENT_TO_MES,
    RECEIVED_IN_MES,
    PRICE_CALCULATED,
    MANUFACTURING_APPROVED
}

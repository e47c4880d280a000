package com.jewellery.ordertracing.lookup.ui;

import java.util.List;

/** The order lifecycle statuses the flow reports in {@code order.status}, in lifecycle order. */
final class OrderStatuses {

    static final List<String> ALL = List.of(
            "CREATED",
            "SENT_TO_CRM",
            "IN_CRM",
            "SENT_TO_MES",
            "RECEIVED_IN_MES",
            "PRICE_CALCULATED",
            "MANUFACTURING_APPROVED");

    private OrderStatuses() {}
}

package com.jewellery.ordertracing.alerts;

/** Where notifications go. */
public enum ChannelType {
    WEBHOOK,
    EMAIL
}

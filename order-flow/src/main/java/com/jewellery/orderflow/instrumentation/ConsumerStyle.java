package com.jewellery.orderflow.instrumentation;

import java.util.Locale;

/** How the MES consumer relates its span to the CRM's publish span. */
public enum ConsumerStyle {
    /** The consumer span is a child of the producer span: one trace per order. */
    CONTINUE,
    /** The consumer starts a new trace with a span link to the producer span. */
    LINK;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ConsumerStyle parse(String key) {
        return valueOf(key.trim().toUpperCase(Locale.ROOT));
    }
}

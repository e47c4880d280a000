package com.jewellery.ordertracing.incidents.api;

/** How an order came to an incident. */
public enum LinkVia {
    /** Someone attached it. */
    MANUAL,
    /** The matcher attached it: its failure's fingerprint is one the incident owns. */
    RULE,
    /** It came with an incident merged into this one. */
    MERGE
}

package com.jewellery.ordertracing.base.ui;

import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs a failure under a short reference that the user can quote to support. */
final class ErrorReference {

    private static final Logger log = LoggerFactory.getLogger(ErrorReference.class);

    private ErrorReference() {}

    static String log(String what, Throwable failure) {
        String reference = UUID.randomUUID().toString().substring(0, 8);
        log.error("[{}] {}", reference, what, failure);
        return reference;
    }
}

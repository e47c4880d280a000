package com.jewellery.ordertracing.status;

/**
 * One component the status page reports on. Features contribute their own checks as beans, so this
 * package depends on none of them.
 */
public interface StatusCheck {

    /** Checks the component; never throws, a failure is a "down" status that says what to do. */
    ComponentStatus check();

    /**
     * Translation key of the component's name, for the row shown when the check does not answer within
     * {@code portal.status.timeout}.
     */
    default String nameKey() {
        return "fault.status.unnamed";
    }

    /** Position on the status page. */
    default int order() {
        return 100;
    }
}

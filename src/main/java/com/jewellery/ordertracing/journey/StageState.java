package com.jewellery.ordertracing.journey;

/** What the traces say about one expected stage of an order. */
public enum StageState {
    /** Reached, and its (last) span did not fail. */
    OK,
    /** Reached, and its (last) span has status ERROR. */
    ERROR,
    /** No span for it (yet): not reached, lost, or not sampled. */
    MISSING
}

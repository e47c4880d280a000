package com.jewellery.ordertracing.lost;

/**
 * How many listed orders stopped at a stage for a reason.
 *
 * @param stage  last stage reached, null for orders that reached none
 * @param reason why listed
 * @param count  how many
 */
public record ProblemCount(String stage, ProblemReason reason, long count) {}

package com.jewellery.ordertracing.lost;

/**
 * Orders grouped by last stage reached and the stage of their error.
 *
 * @param lastStage  last stage reached, null if none
 * @param errorStage stage of the error, null without one
 * @param orders     how many
 */
public record StageTally(String lastStage, String errorStage, long orders) {}

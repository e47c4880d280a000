package com.jewellery.ordertracing.lost;

import java.util.List;

/**
 * Per stage, how many orders got that far and how many had their error there, from {@link StageTally}s:
 * the numbers behind error rates. "Got that far" counts an order at every stage up to its last one.
 */
public final class StageFunnel {

    private final List<String> stages;
    private final long[] reached;
    private final long[] errors;

    public StageFunnel(List<String> stages, List<StageTally> tallies) {
        this.stages = List.copyOf(stages);
        this.reached = new long[stages.size()];
        this.errors = new long[stages.size()];
        tallies.forEach(this::add);
    }

    private void add(StageTally tally) {
        int last = position(tally.lastStage());
        for (int i = 0; i <= last; i++) {
            reached[i] += tally.orders();
        }
        int error = position(tally.errorStage());
        if (error >= 0) {
            errors[error] += tally.orders();
        }
    }

    public long reached(String stage) {
        int i = position(stage);
        return i < 0 ? 0 : reached[i];
    }

    public long errors(String stage) {
        int i = position(stage);
        return i < 0 ? 0 : errors[i];
    }

    /** Errors at the stage per order that reached it (0..1); 0 when none reached it. */
    public double errorRate(String stage) {
        long total = reached(stage);
        return total == 0 ? 0 : (double) errors(stage) / total;
    }

    /** Index in flow order; -1 for no stage or one the catalog does not know. */
    private int position(String stage) {
        return stage == null ? -1 : stages.indexOf(stage);
    }
}

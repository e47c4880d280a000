package com.jewellery.ordertracing.lost.continuity;

/**
 * How often orders that crossed a hop were traced on both sides of it.
 *
 * @param hop            the hop
 * @param crossed        orders seen both before and after the hop
 * @param downstreamOnly orders seen after the hop but not at its upstream stage: their trace did not continue
 * @param upstreamOnly   orders seen at the upstream stage and nothing after (still on their way, lost, or
 *                       their later trace unsampled: the traces alone cannot tell)
 * @param broken         whether the hop loses traces: continuity below the threshold with enough orders
 */
public record HopContinuity(Hop hop, long crossed, long downstreamOnly, long upstreamOnly, boolean broken) {

    /** Orders known to have crossed the hop: seen after it. */
    public long knownCrossings() {
        return crossed + downstreamOnly;
    }

    /**
     * Of the orders known to have crossed, the share whose upstream stage was traced too; 1 when none is known.
     * Ratio sampling with a new trace on the far side gives about the sampling ratio; context propagated
     * across the hop gives 1.
     */
    public double share() {
        return knownCrossings() == 0 ? 1 : (double) crossed / knownCrossings();
    }
}

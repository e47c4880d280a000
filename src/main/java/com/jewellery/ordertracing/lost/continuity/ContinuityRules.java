package com.jewellery.ordertracing.lost.continuity;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Measures every hop's continuity from the stages each order was seen at, and calls a hop broken when
 * too few of the orders known to have crossed it were traced before it too. A real loss at the hop (a
 * message dropped by the broker) leaves orders upstream only and none downstream only, so it never looks
 * like a break.
 *
 * @param hops      the catalog's hops
 * @param minShare  below this share of continued traces a hop is broken, e.g. 0.9
 * @param minOrders fewest known crossings before a hop can be judged
 */
public record ContinuityRules(List<Hop> hops, double minShare, long minOrders) {

    public ContinuityRules {
        hops = List.copyOf(hops);
        if (minShare <= 0 || minShare > 1) {
            throw new IllegalArgumentException("the continuity threshold must be in (0, 1], was " + minShare);
        }
        if (minOrders < 1) {
            throw new IllegalArgumentException(
                    "the continuity's minimum of orders must be at least 1, was " + minOrders);
        }
    }

    /** @param reachedStages per order, the stage ids it was seen at */
    public List<HopContinuity> measure(List<Set<String>> reachedStages) {
        List<HopContinuity> result = new ArrayList<>();
        for (Hop hop : hops) {
            long crossed = 0;
            long downstreamOnly = 0;
            long upstreamOnly = 0;
            for (Set<String> reached : reachedStages) {
                boolean before = reached.contains(hop.upstreamStage());
                boolean after = hop.later().stream().anyMatch(reached::contains);
                if (before && after) {
                    crossed++;
                } else if (after) {
                    downstreamOnly++;
                } else if (before) {
                    upstreamOnly++;
                }
            }
            long known = crossed + downstreamOnly;
            boolean broken = known >= minOrders && (double) crossed / known < minShare;
            result.add(new HopContinuity(hop, crossed, downstreamOnly, upstreamOnly, broken));
        }
        return result;
    }
}

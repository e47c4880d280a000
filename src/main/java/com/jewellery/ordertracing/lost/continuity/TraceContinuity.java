package com.jewellery.ordertracing.lost.continuity;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The continuity of every hop, as measured at one moment over the recent orders.
 *
 * @param hops       per hop, in flow order
 * @param orders     orders examined
 * @param measuredAt when
 */
public record TraceContinuity(List<HopContinuity> hops, long orders, Instant measuredAt) {

    public static final TraceContinuity UNKNOWN = new TraceContinuity(List.of(), 0, Instant.EPOCH);

    public TraceContinuity {
        hops = List.copyOf(hops);
    }

    public List<HopContinuity> broken() {
        return hops.stream().filter(HopContinuity::broken).toList();
    }

    /**
     * The stages just before a broken hop: an order that stopped there may well have gone on unseen, so
     * it cannot be called stuck or lost with certainty.
     */
    public Set<String> unconfirmedAfter() {
        return broken().stream().map(hop -> hop.hop().upstreamStage()).collect(Collectors.toUnmodifiableSet());
    }
}

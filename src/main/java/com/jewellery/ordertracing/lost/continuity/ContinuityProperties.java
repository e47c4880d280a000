package com.jewellery.ordertracing.lost.continuity;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How trace continuity across hops is measured.
 *
 * @param window    how far back the orders examined were first seen (default 24 h)
 * @param sample    at most this many of the most recent of them (default 5000)
 * @param minShare  a hop is broken when fewer than this share of the orders seen after it were traced
 *                  before it (default 0.9)
 * @param minOrders fewest orders seen after a hop before it is judged (default 20)
 * @param refresh   how long one measurement is used before it is taken again (default 1 min)
 */
@ConfigurationProperties("portal.lost.continuity")
public record ContinuityProperties(
        Duration window, Integer sample, Double minShare, Integer minOrders, Duration refresh) {

    public ContinuityProperties {
        window = window == null ? Duration.ofHours(24) : window;
        sample = sample == null || sample < 1 ? 5000 : sample;
        minShare = minShare == null ? 0.9 : minShare;
        minOrders = minOrders == null ? 20 : minOrders;
        refresh = refresh == null ? Duration.ofMinutes(1) : refresh;
    }
}

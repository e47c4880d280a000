package com.jewellery.ordertracing.lost;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Applies the {@link DetectionRules} at the clock's current moment, with the stages after which a stuck
 * or lost order is only unconfirmed as the trace continuity says right now.
 */
public final class ProblemDetector {

    private final DetectionRules rules;
    private final Clock clock;
    private final Supplier<Set<String>> unconfirmedAfter;

    public ProblemDetector(DetectionRules rules, Clock clock, Supplier<Set<String>> unconfirmedAfter) {
        this.rules = rules;
        this.clock = clock;
        this.unconfirmedAfter = unconfirmedAfter;
    }

    /** The order's problem now, or empty when it is completed or still within its SLAs. */
    public Optional<OrderProblem> detect(OrderSnapshot order) {
        return deadlines().problemOf(order);
    }

    /** The deadlines now, for queries that apply the same rules in the database. */
    public DetectionRules.Deadlines deadlines() {
        return deadlinesAt(clock.instant());
    }

    /** The deadlines at {@code now}, with today's trace continuity. */
    public DetectionRules.Deadlines deadlinesAt(Instant now) {
        return rules.at(now, unconfirmedAfter.get());
    }

    public DetectionRules rules() {
        return rules;
    }
}

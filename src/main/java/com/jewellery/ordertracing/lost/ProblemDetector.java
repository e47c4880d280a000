package com.jewellery.ordertracing.lost;

import java.time.Clock;
import java.util.Optional;

/** Applies the {@link DetectionRules} at the clock's current moment. */
public final class ProblemDetector {

    private final DetectionRules rules;
    private final Clock clock;

    public ProblemDetector(DetectionRules rules, Clock clock) {
        this.rules = rules;
        this.clock = clock;
    }

    /** The order's problem now, or empty when it is completed or still within its SLAs. */
    public Optional<OrderProblem> detect(OrderSnapshot order) {
        return deadlines().problemOf(order);
    }

    /** The deadlines now, for queries that apply the same rules in the database. */
    public DetectionRules.Deadlines deadlines() {
        return rules.at(clock.instant());
    }

    public DetectionRules rules() {
        return rules;
    }
}

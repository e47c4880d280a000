package com.jewellery.ordertracing.incidents.domain;

import java.util.Set;

/** A status change the workflow does not allow; says which states would be allowed from here. */
public class IllegalTransitionException extends RuntimeException {

    private final IncidentStatus from;
    private final IncidentStatus to;
    private final Set<IncidentStatus> allowed;

    public IllegalTransitionException(IncidentStatus from, IncidentStatus to, Set<IncidentStatus> allowed) {
        super("An incident in " + from + " cannot move to " + to + "; allowed: "
                + (allowed.isEmpty() ? "none" : allowed));
        this.from = from;
        this.to = to;
        this.allowed = Set.copyOf(allowed);
    }

    public IncidentStatus from() {
        return from;
    }

    public IncidentStatus to() {
        return to;
    }

    public Set<IncidentStatus> allowed() {
        return allowed;
    }
}

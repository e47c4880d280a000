package com.jewellery.ordertracing.incidents.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where an incident stands. The main line is TRIAGE → INVESTIGATING → MITIGATED → RESOLVED → CLOSED; steps may
 * be skipped forwards (a quick fix goes from TRIAGE to RESOLVED), MITIGATED may fall back to INVESTIGATING when
 * the mitigation does not hold. Going back from RESOLVED or CLOSED is not a transition but a reopen, recorded
 * as such. CANCELED (not an incident after all) and MERGED (into another incident) end it.
 */
public enum IncidentStatus {
    TRIAGE,
    INVESTIGATING,
    MITIGATED,
    RESOLVED,
    CLOSED,
    CANCELED,
    MERGED;

    /** The states a plain transition may lead to from here; reopening is {@link #canReopen()}. */
    public Set<IncidentStatus> allowedNext() {
        return switch (this) {
            case TRIAGE -> EnumSet.of(INVESTIGATING, MITIGATED, RESOLVED, CANCELED, MERGED);
            case INVESTIGATING -> EnumSet.of(MITIGATED, RESOLVED, CANCELED, MERGED);
            case MITIGATED -> EnumSet.of(INVESTIGATING, RESOLVED, CANCELED, MERGED);
            case RESOLVED -> EnumSet.of(CLOSED, MERGED);
            case CLOSED, CANCELED, MERGED -> EnumSet.noneOf(IncidentStatus.class);
        };
    }

    /** Still being worked on: new matching failures simply join it. */
    public boolean isOpen() {
        return this == TRIAGE || this == INVESTIGATING || this == MITIGATED;
    }

    /** Only a fixed incident comes back; a canceled or merged one stays as it is. */
    public boolean canReopen() {
        return this == RESOLVED || this == CLOSED;
    }
}

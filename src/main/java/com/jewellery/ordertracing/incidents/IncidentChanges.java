package com.jewellery.ordertracing.incidents;

import com.jewellery.ordertracing.incidents.api.TimelineKind;
import com.jewellery.ordertracing.incidents.domain.IncidentStatus;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * The changes both people (through {@link IncidentService}) and the rule ({@link IncidentMatcher}) make;
 * callers own the transaction and the access checks.
 */
@Component
class IncidentChanges {

    private final TimelineRepository timeline;

    IncidentChanges(TimelineRepository timeline) {
        this.timeline = timeline;
    }

    /** A new entry, to be completed and then {@link #record}ed: the table takes no updates. */
    static TimelineEntry entry(Incident incident, TimelineKind kind, Instant at, String actor) {
        return new TimelineEntry(incident.id(), at, actor, kind);
    }

    TimelineEntry record(TimelineEntry entry) {
        return timeline.save(entry);
    }

    /** Back to INVESTIGATING, recorded as a reopen (by a person with a reason, or by the rule). */
    void reopen(Incident incident, Instant now, String actor, String reason) {
        IncidentStatus from = incident.status();
        incident.moveTo(IncidentStatus.INVESTIGATING, incident.clock().reopen(from, now));
        incident.countReopen();
        record(entry(incident, TimelineKind.REOPENED, now, actor)
                .change(from.name(), IncidentStatus.INVESTIGATING.name())
                .body(reason));
    }
}

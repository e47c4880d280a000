package com.jewellery.ordertracing.incidents;

import com.jewellery.ordertracing.incidents.api.TimelineItem;
import com.jewellery.ordertracing.incidents.api.TimelineKind;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** One line of an incident's timeline; written once (the table refuses updates and deletes). */
@Entity
@Table(name = "incident_timeline")
class TimelineEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "incident_id", nullable = false)
    private long incidentId;

    @Column(nullable = false)
    private Instant at;

    @Column(nullable = false)
    private String actor;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private TimelineKind kind;

    @Column(name = "from_value")
    private String fromValue;

    @Column(name = "to_value")
    private String toValue;

    private String body;

    @Column(name = "order_count")
    private Integer orderCount;

    @Column(name = "sample_ids")
    private String sampleIds;

    protected TimelineEntry() {
        // for JPA
    }

    TimelineEntry(long incidentId, Instant at, String actor, TimelineKind kind) {
        this.incidentId = incidentId;
        this.at = at;
        this.actor = actor;
        this.kind = kind;
    }

    TimelineEntry change(String from, String to) {
        this.fromValue = clip(from, 255);
        this.toValue = clip(to, 255);
        return this;
    }

    TimelineEntry body(String text) {
        this.body = text;
        return this;
    }

    TimelineEntry orders(int count, List<String> samples) {
        this.orderCount = count;
        this.sampleIds = clip(String.join(" ", samples), 1000);
        return this;
    }

    TimelineItem item() {
        return new TimelineItem(
                id,
                at,
                actor,
                kind,
                fromValue,
                toValue,
                body,
                orderCount,
                sampleIds == null || sampleIds.isBlank() ? List.of() : List.of(sampleIds.split(" ")));
    }

    private static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}

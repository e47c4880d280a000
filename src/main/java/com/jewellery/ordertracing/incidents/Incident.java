package com.jewellery.ordertracing.incidents;

import com.jewellery.ordertracing.incidents.domain.IncidentStatus;
import com.jewellery.ordertracing.incidents.domain.Severity;
import com.jewellery.ordertracing.incidents.domain.StatusClock;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/**
 * One incident row. Changed only through {@link IncidentService}, which checks the workflow and writes the
 * timeline; {@link Version} makes a save based on an older read fail instead of overwriting.
 */
@Entity
@Table(name = "incident")
class Incident {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String title;

    private String description;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Severity severity;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private IncidentStatus status;

    private String assignee;

    @Column(name = "root_cause")
    private String rootCause;

    @Column(name = "resolution_note")
    private String resolutionNote;

    @Column(name = "merged_into_id")
    private Long mergedIntoId;

    @Column(name = "failures_after_resolution", nullable = false)
    private int failuresAfterResolution;

    @Column(name = "reopen_count", nullable = false)
    private int reopenCount;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "incident_stage", joinColumns = @JoinColumn(name = "incident_id"))
    @Column(name = "stage")
    private Set<String> stages = new TreeSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "incident_tag", joinColumns = @JoinColumn(name = "incident_id"))
    @Column(name = "tag")
    private Set<String> tags = new TreeSet<>();

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "updated_by", nullable = false)
    private String updatedBy;

    @Column(name = "acknowledged_at")
    private Instant acknowledgedAt;

    @Column(name = "mitigated_at")
    private Instant mitigatedAt;

    @Column(name = "resolved_at")
    private Instant resolvedAt;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Column(name = "canceled_at")
    private Instant canceledAt;

    @Column(name = "merged_at")
    private Instant mergedAt;

    @Column(name = "reopened_at")
    private Instant reopenedAt;

    @Version
    private long version;

    protected Incident() {
        // for JPA
    }

    Incident(String title, Severity severity, Instant at, String by) {
        this.title = title;
        this.severity = severity;
        this.status = IncidentStatus.TRIAGE;
        this.createdAt = at;
        this.createdBy = by;
        touched(at, by);
    }

    void touched(Instant at, String by) {
        this.updatedAt = at;
        this.updatedBy = by;
    }

    StatusClock clock() {
        return new StatusClock(
                createdAt, acknowledgedAt, mitigatedAt, resolvedAt, closedAt, canceledAt, mergedAt, reopenedAt);
    }

    void moveTo(IncidentStatus next, StatusClock clock) {
        this.status = next;
        this.acknowledgedAt = clock.acknowledgedAt();
        this.mitigatedAt = clock.mitigatedAt();
        this.resolvedAt = clock.resolvedAt();
        this.closedAt = clock.closedAt();
        this.canceledAt = clock.canceledAt();
        this.mergedAt = clock.mergedAt();
        this.reopenedAt = clock.reopenedAt();
    }

    Long id() {
        return id;
    }

    String title() {
        return title;
    }

    void title(String value) {
        this.title = value;
    }

    String description() {
        return description;
    }

    void description(String value) {
        this.description = value;
    }

    Severity severity() {
        return severity;
    }

    void severity(Severity value) {
        this.severity = value;
    }

    IncidentStatus status() {
        return status;
    }

    String assignee() {
        return assignee;
    }

    void assignee(String value) {
        this.assignee = value;
    }

    String rootCause() {
        return rootCause;
    }

    void rootCause(String value) {
        this.rootCause = value;
    }

    String resolutionNote() {
        return resolutionNote;
    }

    void resolutionNote(String value) {
        this.resolutionNote = value;
    }

    Long mergedIntoId() {
        return mergedIntoId;
    }

    void mergedInto(Long targetId) {
        this.mergedIntoId = targetId;
    }

    int failuresAfterResolution() {
        return failuresAfterResolution;
    }

    void addFailuresAfterResolution(int count) {
        this.failuresAfterResolution += count;
    }

    int reopenCount() {
        return reopenCount;
    }

    void countReopen() {
        this.reopenCount++;
        this.failuresAfterResolution = 0;
    }

    Set<String> stages() {
        return Set.copyOf(stages);
    }

    void stages(Collection<String> values) {
        stages.clear();
        stages.addAll(values);
    }

    Set<String> tags() {
        return Set.copyOf(tags);
    }

    void tags(Collection<String> values) {
        tags.clear();
        tags.addAll(values);
    }

    Instant createdAt() {
        return createdAt;
    }

    String createdBy() {
        return createdBy;
    }

    Instant updatedAt() {
        return updatedAt;
    }

    String updatedBy() {
        return updatedBy;
    }

    long version() {
        return version;
    }
}

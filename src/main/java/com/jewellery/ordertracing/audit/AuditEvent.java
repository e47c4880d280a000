package com.jewellery.ordertracing.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One line of the audit log. Entries are written once and never changed. */
@Entity
@Table(name = "audit_event")
public class AuditEvent {

    static final int DETAIL_MAX = 1000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(nullable = false)
    private String username;

    @Enumerated(EnumType.STRING)
    @Column(name = "event_type", nullable = false)
    private AuditEventType type;

    @Column(length = DETAIL_MAX)
    private String detail;

    protected AuditEvent() {
        // for JPA
    }

    AuditEvent(Instant occurredAt, String username, AuditEventType type, String detail) {
        this.occurredAt = occurredAt;
        this.username = username;
        this.type = type;
        this.detail = detail == null || detail.length() <= DETAIL_MAX ? detail : detail.substring(0, DETAIL_MAX);
    }

    public Long getId() {
        return id;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public String getUsername() {
        return username;
    }

    public AuditEventType getType() {
        return type;
    }

    public String getDetail() {
        return detail;
    }
}

package com.jewellery.ordertracing.audit;

import com.jewellery.ordertracing.security.Roles;
import com.jewellery.ordertracing.security.Usernames;
import java.time.Clock;
import java.util.List;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Writes and reads the audit log. Writing is open to the security layer; reading is for admins only. */
@Service
public class AuditService {

    private static final Sort NEWEST_FIRST = Sort.by(Sort.Direction.DESC, "occurredAt", "id");

    private final AuditEventRepository repository;
    private final Clock clock;

    AuditService(AuditEventRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    @Transactional
    public void record(String username, AuditEventType type, String detail) {
        repository.save(new AuditEvent(clock.instant(), username, type, detail));
    }

    /** A signed-in user was refused a view; who it was comes from the security context. */
    @Transactional
    public void recordAccessDenied(String target) {
        String username = Usernames.of(SecurityContextHolder.getContext().getAuthentication(), "anonymous");
        record(username, AuditEventType.ACCESS_DENIED, target);
    }

    /**
     * Everyone who signed in to the portal at least once, by the name the log keeps: who an incident may be
     * assigned to besides the configured names. Names only, no times or details.
     */
    @PreAuthorize(Roles.CAN_STAFF)
    @Transactional(readOnly = true)
    public List<String> usernamesSignedIn() {
        return repository.usernamesOf(AuditEventType.SIGN_IN);
    }

    /** One page of the log, newest first; {@code type} null means every type. */
    @PreAuthorize(Roles.CAN_ADMINISTRATION)
    @Transactional(readOnly = true)
    public List<AuditEvent> page(AuditEventType type, int offset, int limit) {
        PageRequest page = PageRequest.of(offset / limit, limit, NEWEST_FIRST);
        return (type == null ? repository.findAll(page) : repository.findByType(type, page)).getContent();
    }

    @PreAuthorize(Roles.CAN_ADMINISTRATION)
    @Transactional(readOnly = true)
    public long count(AuditEventType type) {
        return type == null
                ? repository.count()
                : repository.findByType(type, PageRequest.of(0, 1)).getTotalElements();
    }
}

package com.jewellery.ordertracing.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.jewellery.ordertracing.audit.AuditEventType;
import com.jewellery.ordertracing.audit.AuditService;
import com.jewellery.ordertracing.status.SystemStatusService;
import com.jewellery.ordertracing.support.IntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.test.context.support.WithMockUser;

/** Services refuse callers without the right role, whatever the UI shows or hides. */
@IntegrationTest
class MethodSecurityIT {

    @Autowired
    AuditService auditService;

    @Autowired
    SystemStatusService statusService;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    @WithMockUser(roles = Roles.SUPPORT)
    void supportMayNotReadTheAuditLog() {
        assertTheAuditLogIsRefused();
    }

    @Test
    @WithMockUser(roles = Roles.DEVELOPER)
    void developersMayNotReadTheAuditLog() {
        assertTheAuditLogIsRefused();
    }

    @Test
    @WithMockUser(roles = Roles.ANALYST)
    void analystsMayNotReadTheAuditLog() {
        assertTheAuditLogIsRefused();
    }

    private void assertTheAuditLogIsRefused() {
        assertThatThrownBy(() -> auditService.page(null, 0, 10)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> auditService.count(null)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    @WithMockUser(roles = Roles.ADMIN)
    void adminReadsTheAuditLogAsTheDatabaseHoldsIt() {
        String who = "method-security-" + UUID.randomUUID();
        long deniedBefore = auditService.count(AuditEventType.ACCESS_DENIED);
        auditService.record(who, AuditEventType.ACCESS_DENIED, "/audit");
        auditService.record(who, AuditEventType.ACCESS_DENIED, "/reindex");

        assertThat(auditService.count(AuditEventType.ACCESS_DENIED)).isEqualTo(deniedBefore + 2);
        assertThat(auditService.count(null))
                .isEqualTo(jdbc.queryForObject("SELECT count(*) FROM audit_event", Long.class));
        assertThat(auditService.page(AuditEventType.ACCESS_DENIED, 0, 2))
                .extracting(event -> event.getUsername() + " " + event.getDetail())
                .containsExactly(who + " /reindex", who + " /audit");
    }

    @Test
    void anonymousCallersAreRefused() {
        assertThatThrownBy(() -> statusService.currentStatus())
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
    }

    @Test
    @WithMockUser(roles = Roles.ANALYST)
    void everyRoleSeesTheSystemStatusOfTheRealStack() {
        assertThat(statusService.currentStatus().components())
                .extracting(component -> component.nameKey() + "=" + component.up())
                .contains(
                        "status.component.postgres=true",
                        "status.component.rabbitmq=true",
                        "status.component.jaeger=true");
    }
}

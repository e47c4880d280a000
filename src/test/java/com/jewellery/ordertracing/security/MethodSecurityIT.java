package com.jewellery.ordertracing.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.jewellery.ordertracing.audit.AuditService;
import com.jewellery.ordertracing.status.SystemStatusService;
import com.jewellery.ordertracing.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
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

    @Test
    @WithMockUser(roles = Roles.SUPPORT)
    void supportMayNotReadTheAuditLog() {
        assertThatThrownBy(() -> auditService.page(null, 0, 10)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    @WithMockUser(roles = Roles.ADMIN)
    void adminReadsTheAuditLog() {
        assertThat(auditService.count(null)).isGreaterThanOrEqualTo(0);
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
                .contains("status.component.postgres=true", "status.component.rabbitmq=true",
                        "status.component.jaeger=true");
    }
}

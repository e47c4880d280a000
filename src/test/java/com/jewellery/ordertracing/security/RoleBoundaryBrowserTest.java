package com.jewellery.ordertracing.security;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.jewellery.ordertracing.audit.AuditEvent;
import com.jewellery.ordertracing.audit.AuditEventType;
import com.jewellery.ordertracing.audit.AuditService;
import com.jewellery.ordertracing.support.BrowserTestBase;
import com.jewellery.ordertracing.support.CallerContext;
import com.microsoft.playwright.Page;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.TestingAuthenticationToken;

/**
 * A wrong role typing a view's address gets the no-access page (not the view, not "not found") and an audit
 * entry naming who and where; RoleMatrixIT covers every other view and method below the browser.
 */
class RoleBoundaryBrowserTest extends BrowserTestBase {

    @Autowired
    AuditService audit;

    @ParameterizedTest
    @CsvSource({"analyst, /orders, #order-lookup", "support, /reindex, #reindex", "analyst, /alerts, #alerts"})
    void aDirectUrlOutsideTheRoleIsRefusedAndAudited(String username, String path, String viewId) {
        Page page = signInAs(username, path);

        assertThat(page.locator("#no-access")).containsText("No access");
        assertThat(page.locator(viewId)).hasCount(0);
        assertThat(deniedEntries())
                .anyMatch(entry -> entry.getUsername().equals(username)
                        && entry.getDetail().equals(path));
    }

    private List<AuditEvent> deniedEntries() {
        TestingAuthenticationToken admin = new TestingAuthenticationToken("admin", null, "ROLE_" + Roles.ADMIN);
        return CallerContext.as(admin, () -> audit.page(AuditEventType.ACCESS_DENIED, 0, 100));
    }
}

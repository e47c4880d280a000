package com.jewellery.ordertracing.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** Who may do what, stated here independently of the table in {@link Roles}. */
class RolesTest {

    @Test
    void eachPersonsRoleGrantsExactlyItsRoleSets() {
        assertThat(Roles.setsGrantedTo(Roles.SUPPORT))
                .containsExactlyInAnyOrder(
                        Roles.STAFF, Roles.ORDER_WORK, Roles.INCIDENT_READ, Roles.INCIDENT_NOTE, Roles.INCIDENT_WORK);
        assertThat(Roles.setsGrantedTo(Roles.DEVELOPER))
                .containsExactlyInAnyOrder(
                        Roles.STAFF,
                        Roles.ORDER_WORK,
                        Roles.TECHNICAL_DETAIL,
                        Roles.ANALYTICS,
                        Roles.INCIDENT_READ,
                        Roles.INCIDENT_NOTE);
        assertThat(Roles.setsGrantedTo(Roles.ANALYST))
                .containsExactlyInAnyOrder(Roles.STAFF, Roles.ANALYTICS, Roles.INCIDENT_READ, Roles.REVIEW_EDIT);
        assertThat(Roles.setsGrantedTo(Roles.ADMIN))
                .containsExactlyInAnyOrder(
                        Roles.STAFF,
                        Roles.ORDER_WORK,
                        Roles.TECHNICAL_DETAIL,
                        Roles.ANALYTICS,
                        Roles.ADMINISTRATION,
                        Roles.INCIDENT_READ,
                        Roles.INCIDENT_NOTE,
                        Roles.INCIDENT_WORK,
                        Roles.REVIEW_EDIT);
    }

    @Test
    void aRoleSetNameInTheTokenGrantsNothing() {
        // Only people's roles are read from the IdP; a role set arrives only through the table.
        RoleClaimReader reader = new RoleClaimReader("roles");

        assertThat(reader.rolesIn(Map.of("roles", List.of(Roles.ADMINISTRATION, Roles.ORDER_WORK))))
                .isEmpty();
    }

    @Test
    void peopleRolesLeaveRoleSetsAndOtherAuthoritiesOut() {
        assertThat(Roles.peopleRolesIn(List.of("ROLE_SUPPORT", "ROLE_ORDER_WORK", "OIDC_USER", "SCOPE_openid")))
                .containsExactly(Roles.SUPPORT);
    }

    @Test
    void theRoleHierarchyGivesMethodSecurityTheSameSets() {
        var reachable = SecurityConfiguration.roleHierarchy()
                .getReachableGrantedAuthorities(List.of(new SimpleGrantedAuthority("ROLE_ANALYST")))
                .stream()
                .map(GrantedAuthority::getAuthority)
                .toList();

        assertThat(reachable)
                .containsExactlyInAnyOrder(
                        "ROLE_ANALYST", "ROLE_STAFF", "ROLE_ANALYTICS", "ROLE_INCIDENT_READ", "ROLE_REVIEW_EDIT");
    }
}

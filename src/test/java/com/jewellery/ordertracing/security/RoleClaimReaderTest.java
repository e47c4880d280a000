package com.jewellery.ordertracing.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RoleClaimReaderTest {

    private final RoleClaimReader reader = new RoleClaimReader("roles");

    @Test
    void readsAListClaimAndKeepsOnlyPortalRoles() {
        Map<String, Object> claims = Map.of("roles", List.of("offline_access", "SUPPORT", "uma_authorization"));

        assertThat(reader.rolesIn(claims)).containsExactly(Roles.SUPPORT);
    }

    @Test
    void readsASpaceOrCommaSeparatedStringInAnyCase() {
        assertThat(reader.rolesIn(Map.of("roles", "analyst, ROLE_admin developer")))
                .containsExactly(Roles.ANALYST, Roles.ADMIN, Roles.DEVELOPER);
    }

    @Test
    void readsTheConfiguredClaimOnly() {
        RoleClaimReader groupsReader = new RoleClaimReader("groups");
        Map<String, Object> claims = Map.of("roles", List.of("ADMIN"), "groups", List.of("SUPPORT"));

        assertThat(groupsReader.rolesIn(claims)).containsExactly(Roles.SUPPORT);
    }

    @Test
    void noClaimMeansNoRoles() {
        assertThat(reader.rolesIn(Map.of("sub", "42"))).isEmpty();
        assertThat(reader.rolesIn(Map.of("roles", 17))).isEmpty();
    }
}

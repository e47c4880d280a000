package com.jewellery.ordertracing.security;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.oauth2.core.user.OAuth2UserAuthority;

/**
 * Turns the IdP's role claim into Spring authorities: the person's roles ({@code ROLE_SUPPORT}, ...) and the
 * role sets they grant ({@code ROLE_ORDER_WORK}, ...; see {@link Roles}). Both the ID token and the user-info
 * response are read, because providers put roles in either.
 */
class RoleMappingAuthoritiesMapper implements GrantedAuthoritiesMapper {

    private final RoleClaimReader reader;

    RoleMappingAuthoritiesMapper(RoleClaimReader reader) {
        this.reader = reader;
    }

    @Override
    public Collection<? extends GrantedAuthority> mapAuthorities(Collection<? extends GrantedAuthority> authorities) {
        Set<GrantedAuthority> mapped = new LinkedHashSet<>(authorities);
        for (GrantedAuthority authority : authorities) {
            for (String role : reader.rolesIn(claimsOf(authority))) {
                mapped.add(new SimpleGrantedAuthority(Roles.PREFIX + role));
                Roles.setsGrantedTo(role).forEach(set -> mapped.add(new SimpleGrantedAuthority(Roles.PREFIX + set)));
            }
        }
        return mapped;
    }

    private static Map<String, Object> claimsOf(GrantedAuthority authority) {
        Map<String, Object> claims = new HashMap<>();
        if (authority instanceof OidcUserAuthority oidc) {
            claims.putAll(oidc.getIdToken().getClaims());
            if (oidc.getUserInfo() != null) {
                claims.putAll(oidc.getUserInfo().getClaims());
            }
        } else if (authority instanceof OAuth2UserAuthority oauth2) {
            claims.putAll(oauth2.getAttributes());
        }
        return claims;
    }
}

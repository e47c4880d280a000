package com.jewellery.ordertracing.security;

import com.vaadin.flow.spring.security.AuthenticationContext;
import java.util.List;
import java.util.Optional;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Service;

/** Who is signed in, and signing them out (locally and at the IdP). */
@Service
public class CurrentUserService {

    private final AuthenticationContext authenticationContext;

    CurrentUserService(AuthenticationContext authenticationContext) {
        this.authenticationContext = authenticationContext;
    }

    public Optional<CurrentUser> currentUser() {
        return authenticationContext.getAuthenticatedUser(OidcUser.class).map(CurrentUserService::toCurrentUser);
    }

    public void signOut() {
        authenticationContext.logout();
    }

    private static CurrentUser toCurrentUser(OidcUser user) {
        String username = user.getPreferredUsername() != null ? user.getPreferredUsername() : user.getSubject();
        String displayName = user.getFullName() != null ? user.getFullName() : username;
        List<String> roles = Roles.peopleRolesIn(user.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .toList());
        return new CurrentUser(username, displayName, roles);
    }
}

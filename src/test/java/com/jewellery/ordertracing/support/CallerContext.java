package com.jewellery.ordertracing.support;

import com.jewellery.ordertracing.security.Roles;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Runs code as a given caller, then puts back whoever was signed in before (so calls nest). It goes through {@link SecurityContextHolder}:
 * in an {@link IntegrationTest}, {@link ContextSecurityStrategy} has pointed the holder at the security
 * context strategy of the test's own Spring context, which is the one its method security reads (the one way
 * the test JVM's several cached contexts are handled; nothing else looks strategies up).
 */
public final class CallerContext {

    private CallerContext() {}

    /** {@code caller} null: no one signed in. */
    public static <T> T as(Authentication caller, Supplier<T> action) {
        var previous = SecurityContextHolder.getContext();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(caller);
        SecurityContextHolder.setContext(context);
        try {
            return action.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    /** As {@code username} holding one of the people's roles ({@link Roles#SUPPORT}, ...). */
    public static <T> T as(String username, String role, Supplier<T> action) {
        return as(
                UsernamePasswordAuthenticationToken.authenticated(
                        username, "n/a", List.of(new SimpleGrantedAuthority(Roles.PREFIX + role))),
                action);
    }
}

package com.jewellery.ordertracing.support;

import java.util.function.Supplier;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * Runs code as a given caller, through the security-context strategy of the given application context. Vaadin
 * installs its own strategy per context, and the static holder points at the newest: with several test contexts
 * cached, a caller set through the static holder is invisible to an older context's method security.
 */
public final class CallerContext {

    private CallerContext() {}

    public static SecurityContextHolderStrategy strategyOf(ApplicationContext context) {
        return context.getBeanProvider(SecurityContextHolderStrategy.class)
                .getIfUnique(SecurityContextHolder::getContextHolderStrategy);
    }

    /** {@code caller} null: no one signed in. */
    public static <T> T as(ApplicationContext context, Authentication caller, Supplier<T> action) {
        SecurityContextHolderStrategy strategy = strategyOf(context);
        strategy.clearContext();
        if (caller != null) {
            strategy.getContext().setAuthentication(caller);
        }
        try {
            return action.get();
        } finally {
            strategy.clearContext();
        }
    }
}

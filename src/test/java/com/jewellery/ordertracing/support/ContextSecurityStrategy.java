package com.jewellery.ordertracing.support;

import org.springframework.core.Ordered;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Points {@link SecurityContextHolder} at the security context strategy of the test's own Spring context.
 * Vaadin gives every application context a strategy of its own (with its own thread-local) and makes it
 * the global one when that context starts; with several cached test contexts the global one is then the
 * latest context's, and a test that signs someone in through {@code SecurityContextHolder} would do so
 * where its own context's services never look.
 */
public class ContextSecurityStrategy implements TestExecutionListener, Ordered {

    @Override
    public void prepareTestInstance(TestContext testContext) {
        useStrategyOf(testContext);
    }

    @Override
    public void beforeTestMethod(TestContext testContext) {
        useStrategyOf(testContext);
    }

    private static void useStrategyOf(TestContext testContext) {
        testContext
                .getApplicationContext()
                .getBeanProvider(SecurityContextHolderStrategy.class)
                .ifAvailable(SecurityContextHolder::setContextHolderStrategy);
    }

    @Override
    public int getOrder() {
        // before Spring Security's own listener sets up @WithMockUser users (order 10000)
        return 5000;
    }
}

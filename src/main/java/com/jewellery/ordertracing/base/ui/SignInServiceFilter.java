package com.jewellery.ordertracing.base.ui;

import com.jewellery.ordertracing.security.IdentityProviderProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * On the way to the identity provider (Spring Security's {@code /oauth2/authorization/...}): when the provider
 * does not answer, the person gets a translated page that says so and tries again by itself, instead of the
 * browser's "cannot connect" page. Everyone already signed in keeps working; this only concerns new sign-ins.
 */
final class SignInServiceFilter extends OncePerRequestFilter {

    static final String AUTHORIZATION_PATH = "/oauth2/authorization/";
    private static final Logger log = LoggerFactory.getLogger(SignInServiceFilter.class);

    private final IdentityProviderProbe probe;
    private final Duration retryAfter;

    SignInServiceFilter(IdentityProviderProbe probe, Duration retryAfter) {
        this.probe = probe;
        this.retryAfter = retryAfter;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(request.getContextPath() + AUTHORIZATION_PATH);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> problem = probe.problem();
        if (problem.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        log.warn("A sign-in waits: {}", problem.get());
        OutagePage.write(request, response, retryAfter, "fault.idp.title", "fault.idp.text", null);
    }
}

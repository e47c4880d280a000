package com.jewellery.ordertracing.base.ui;

import com.jewellery.ordertracing.base.DatabaseReachability;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.function.Predicate;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A request outside Vaadin's own error handling (above all the sign-in, whose audit entry is written before
 * the session is signed in) that fails because the database does not answer: instead of the servlet
 * container's error page the person gets a translated page that says so and tries again by itself, so the
 * sign-in completes as soon as the database is back. Sits in front of Spring Security's filters.
 */
final class DatabaseDownFilter extends OncePerRequestFilter {

    private final Duration retryAfter;
    private final Predicate<Throwable> databaseDown;

    /**
     * @param retryAfter   how long the page waits before it tries again (and the Retry-After header)
     * @param databaseDown whether the database being down explains a failure ({@link DatabaseReachability#explains})
     */
    DatabaseDownFilter(Duration retryAfter, Predicate<Throwable> databaseDown) {
        this.retryAfter = retryAfter;
        this.databaseDown = databaseDown;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException failure) {
            if (response.isCommitted() || !databaseDown.test(failure)) {
                throw failure;
            }
            String reference = ErrorReference.log("The database does not answer: " + request.getRequestURI(), failure);
            OutagePage.write(request, response, retryAfter, "fault.db.title", "fault.db.signIn", reference);
        }
    }
}

package com.jewellery.ordertracing.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.jewellery.ordertracing.incidents.IncidentService;
import com.jewellery.ordertracing.incidents.domain.IncidentDraft;
import com.jewellery.ordertracing.incidents.domain.Severity;
import com.jewellery.ordertracing.security.Roles;
import com.jewellery.ordertracing.status.ComponentStatus;
import com.jewellery.ordertracing.status.SystemStatusService;
import com.jewellery.ordertracing.support.CallerContext;
import com.jewellery.ordertracing.support.IntegrationTest;
import com.jewellery.ordertracing.support.PrivatePostgres;
import jakarta.servlet.Filter;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The portal on a PostgreSQL of its own that the test stops (as a crash: every connection cut) and starts again.
 * While it is down: a sign-in's audit write fails the way the sign-in does in production (Spring Security
 * publishes the success event inside the login filter), and the outage filter in front of Spring Security turns
 * exactly that failure into the translated page; a comment being saved fails as an outage (the view then says
 * "not saved, your text is kept"); the status page names the database within its timeout. When it is back,
 * the next sign-in is audited without anything restarted.
 */
@IntegrationTest
@TestPropertySource(properties = {"server.port=0", "portal.index.enabled=false", "portal.status.timeout=2s"})
class DatabaseOutageIT {

    private static PrivatePostgres postgres;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    IncidentService incidents;

    @Autowired
    SystemStatusService status;

    @Autowired
    DatabaseReachability reachability;

    @Autowired
    List<FilterRegistrationBean<?>> filters;

    @DynamicPropertySource
    static void privateDatabase(DynamicPropertyRegistry registry) throws Exception {
        postgres = PrivatePostgres.start();
        registry.add("spring.datasource.url", postgres::url);
    }

    @AfterAll
    static void removeDatabase() throws Exception {
        postgres.close();
    }

    @Test
    void theDatabaseGoesDownAndComesBack() throws Exception {
        Authentication support = UsernamePasswordAuthenticationToken.authenticated(
                "support", "n/a", List.of(new SimpleGrantedAuthority(Roles.PREFIX + Roles.SUPPORT)));
        String key = CallerContext.as(
                support,
                () -> incidents.create(
                        new IncidentDraft("Price feed down", null, Severity.HIGH, null, Set.of(), List.of()),
                        List.of()));
        signIn(support);
        assertThat(reachability.answers()).isTrue();

        postgres.stop();
        try {
            assertThatThrownBy(() -> signIn(support))
                    .as("the sign-in's audit write fails as an outage")
                    .satisfies(
                            failure -> System.out.println("DatabaseOutageIT: the sign-in failed with" + chain(failure)))
                    .satisfies(failure -> assertThat(reachability.explains(failure))
                            .as(chain(failure))
                            .isTrue());

            MockHttpServletRequest request = new MockHttpServletRequest("GET", "/login/oauth2/code/keycloak");
            request.addPreferredLocale(java.util.Locale.forLanguageTag("ru-RU"));
            MockHttpServletResponse response = new MockHttpServletResponse();
            outageFilter().doFilter(request, response, (req, res) -> signIn(support));
            assertThat(response.getStatus()).isEqualTo(503);
            assertThat(response.getContentAsString())
                    .contains("База данных портала не отвечает")
                    .doesNotContain("Exception");

            assertThatThrownBy(() -> CallerContext.as(support, () -> incidents.comment(key, "Customer called twice")))
                    .as("a comment saved meanwhile fails as an outage, so the view keeps the text and says why")
                    .satisfies(failure -> assertThat(reachability.explains(failure))
                            .as(chain(failure))
                            .isTrue());

            long asked = System.nanoTime();
            ComponentStatus database = CallerContext.as(support, () -> status.currentStatus()).components().stream()
                    .filter(row -> row.nameKey().equals("status.component.postgres"))
                    .findFirst()
                    .orElseThrow();
            assertThat(database.up()).isFalse();
            assertThat(Duration.ofNanos(System.nanoTime() - asked)).isLessThan(Duration.ofMillis(3500));
            assertThat(reachability.answers())
                    .as("asked while the database is down")
                    .isFalse();
        } finally {
            postgres.startServer();
        }

        long back = System.nanoTime();
        awaitSignIn(support);
        Duration recovery = Duration.ofNanos(System.nanoTime() - back);
        System.out.printf(
                "DatabaseOutageIT: sign-ins audited again %d ms after PostgreSQL was back%n", recovery.toMillis());
        assertThat(recovery).isLessThan(Duration.ofSeconds(15));
        CallerContext.as(support, () -> incidents.comment(key, "Customer called twice"));
        try (var connection = postgres.connect();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT count(*) FROM audit_event WHERE username = 'support' AND event_type = 'SIGN_IN'")) {
            rows.next();
            assertThat(rows.getInt(1))
                    .as("the sign-ins before and after the outage, none while it was down")
                    .isEqualTo(2);
        }
    }

    private static String chain(Throwable failure) {
        StringBuilder chain = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            chain.append(" <- ").append(t.getClass().getName()).append(": ").append(t.getMessage());
            if (t instanceof java.sql.SQLException sql) {
                chain.append(" [").append(sql.getSQLState()).append("]");
            }
        }
        return chain.toString();
    }

    /** What Spring Security's ProviderManager does when a person has signed in at the identity provider. */
    private void signIn(Authentication person) {
        events.publishEvent(new AuthenticationSuccessEvent(person));
    }

    private void awaitSignIn(Authentication person) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            try {
                signIn(person);
                return;
            } catch (RuntimeException stillDown) {
                if (System.nanoTime() > until) {
                    throw stillDown;
                }
                Thread.sleep(100);
            }
        }
    }

    private Filter outageFilter() {
        return filters.stream()
                .map(FilterRegistrationBean::getFilter)
                .filter(filter -> filter.getClass().getSimpleName().equals("DatabaseDownFilter"))
                .findFirst()
                .orElseThrow();
    }
}

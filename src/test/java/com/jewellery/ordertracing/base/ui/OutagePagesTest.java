package com.jewellery.ordertracing.base.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.jewellery.ordertracing.base.DatabaseOutage;
import com.jewellery.ordertracing.security.IdentityProviderProbe;
import com.jewellery.ordertracing.support.RefusedDatabase;
import com.jewellery.ordertracing.support.SilentServer;
import com.sun.net.httpserver.HttpServer;
import jakarta.servlet.http.Cookie;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * The pages shown instead of the servlet container's error page or the browser's "cannot connect": the
 * database refusing connections while a sign-in writes its audit entry, and an identity provider that
 * refuses or hangs. Real refused and silent sockets; the filter chain stands in for Spring Security's.
 */
class OutagePagesTest {

    private static final Duration RETRY = Duration.ofSeconds(7);

    @Test
    void aSignInWhoseAuditWriteFindsNoDatabaseGetsATranslatedPageThatRetries() throws Exception {
        SQLException refused = RefusedDatabase.refusedConnection();
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/login/oauth2/code/keycloak");
        request.setCookies(new Cookie(LocalePreference.COOKIE, "ru"));
        MockHttpServletResponse response = new MockHttpServletResponse();

        new DatabaseDownFilter(RETRY, DatabaseOutage::causedBy).doFilter(request, response, (req, res) -> {
            throw new CannotCreateTransactionException("Could not open JPA EntityManager for transaction", refused);
        });

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("7");
        String page = response.getContentAsString();
        assertThat(page)
                .contains("<html lang=\"ru\"", "База данных портала не отвечает", "каждые 7 с", "content=\"7;url=/\"")
                .doesNotContain("Exception", "at com.", "org.springframework");
    }

    @Test
    void otherFailuresAreLeftToTheUsualErrorHandling() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
        assertThatThrownBy(() -> new DatabaseDownFilter(RETRY, DatabaseOutage::causedBy)
                        .doFilter(request, new MockHttpServletResponse(), (req, res) -> {
                            throw new IllegalStateException("a bug");
                        }))
                .hasMessage("a bug");
    }

    @Test
    void theBrowsersLanguageCountsWhenNoneWasChosen() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.addPreferredLocale(Locale.GERMAN);
        assertThat(OutagePage.locale(request)).isEqualTo(Locale.ENGLISH);
        request.addPreferredLocale(Locale.forLanguageTag("ru-RU"));
        assertThat(OutagePage.locale(request).getLanguage()).isEqualTo("ru");
    }

    @Test
    void aSignInWhileTheIdentityProviderRefusesConnectionsGetsAPageNotTheBrowsersError() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        SignInServiceFilter filter = filterFor("http://127.0.0.1:" + closed, Duration.ofSeconds(2));
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/oauth2/authorization/keycloak");
        request.addPreferredLocale(Locale.ENGLISH);
        MockHttpServletResponse response = new MockHttpServletResponse();
        AtomicInteger passedOn = new AtomicInteger();

        filter.doFilter(request, response, (req, res) -> passedOn.incrementAndGet());

        assertThat(passedOn).hasValue(0);
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getContentAsString())
                .contains("The sign-in service does not answer", "Anyone already signed in keeps working");
    }

    @Test
    void aHangingIdentityProviderIsGivenUpAfterTheTimeout() throws Exception {
        try (SilentServer silent = new SilentServer()) {
            SignInServiceFilter filter = filterFor("http://" + silent.address(), Duration.ofSeconds(1));
            MockHttpServletRequest request = new MockHttpServletRequest("GET", "/oauth2/authorization/keycloak");
            MockHttpServletResponse response = new MockHttpServletResponse();

            long started = System.nanoTime();
            filter.doFilter(request, response, (req, res) -> {});

            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2500));
            assertThat(response.getStatus()).isEqualTo(503);
        }
    }

    @Test
    void anAnsweringProviderLetsTheSignInThroughAndOtherPathsAreNotProbed() throws Exception {
        HttpServer provider = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        AtomicInteger asked = new AtomicInteger();
        provider.createContext("/", exchange -> {
            asked.incrementAndGet();
            exchange.sendResponseHeaders(400, -1); // Keycloak's answer to an authorization request without parameters
            exchange.close();
        });
        provider.start();
        try {
            SignInServiceFilter filter =
                    filterFor("http://127.0.0.1:" + provider.getAddress().getPort(), Duration.ofSeconds(2));
            AtomicInteger passedOn = new AtomicInteger();

            filter.doFilter(
                    new MockHttpServletRequest("GET", "/oauth2/authorization/keycloak"),
                    new MockHttpServletResponse(),
                    (req, res) -> passedOn.incrementAndGet());
            filter.doFilter(
                    new MockHttpServletRequest("GET", "/lookup"),
                    new MockHttpServletResponse(),
                    (req, res) -> passedOn.incrementAndGet());

            assertThat(passedOn).hasValue(2);
            assertThat(asked).hasValue(1);
        } finally {
            provider.stop(0);
        }
    }

    private static SignInServiceFilter filterFor(String providerBase, Duration timeout) {
        ClientRegistration registration = ClientRegistration.withRegistrationId("keycloak")
                .clientId("portal")
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .authorizationUri(providerBase + "/realms/jewellery/protocol/openid-connect/auth")
                .tokenUri(providerBase + "/realms/jewellery/protocol/openid-connect/token")
                .build();
        IdentityProviderProbe probe = IdentityProviderProbe.of(
                new InMemoryClientRegistrationRepository(registration), "keycloak", timeout, Clock.systemUTC());
        return new SignInServiceFilter(probe, RETRY);
    }
}

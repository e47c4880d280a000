package com.jewellery.ordertracing.security;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;

/**
 * Whether the identity provider answers, asked before a browser is sent there to sign in: a browser sent to a
 * provider that is down ends on its own "cannot connect" page, which tells nobody what to do. Any HTTP answer
 * of the authorization endpoint counts as up (it refuses a request without parameters, but it answers). The
 * answer is reused for a few seconds, so a crowd signing in asks the provider once. Signed-in people never
 * need the provider: their session lives in the portal.
 */
public final class IdentityProviderProbe {

    /** How long one answer is reused. */
    public static final Duration REUSE = Duration.ofSeconds(5);

    private final URI authorizationEndpoint;
    private final Duration timeout;
    private final HttpClient client;
    private final Clock clock;
    private volatile Answer last;

    IdentityProviderProbe(URI authorizationEndpoint, Duration timeout, Clock clock) {
        this.authorizationEndpoint = authorizationEndpoint;
        this.timeout = timeout;
        this.clock = clock;
        this.client = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** The probe of the registration people sign in with. */
    public static IdentityProviderProbe of(
            ClientRegistrationRepository registrations, String registrationId, Duration timeout, Clock clock) {
        ClientRegistration registration = registrations.findByRegistrationId(registrationId);
        return new IdentityProviderProbe(
                URI.create(registration.getProviderDetails().getAuthorizationUri()), timeout, clock);
    }

    /** Why the provider cannot be used now (for the log), empty when it answers. */
    public Optional<String> problem() {
        Answer answer = last;
        Instant now = clock.instant();
        if (answer == null || answer.at().plus(REUSE).isBefore(now)) {
            answer = new Answer(now, ask());
            last = answer;
        }
        return Optional.ofNullable(answer.problem());
    }

    private String ask() {
        HttpRequest request = HttpRequest.newBuilder(authorizationEndpoint)
                .timeout(timeout)
                .GET()
                .build();
        try {
            client.send(request, HttpResponse.BodyHandlers.discarding());
            return null;
        } catch (IOException e) {
            return "the identity provider at " + authorizationEndpoint + " does not answer (" + e
                    + "); check spring.security.oauth2.client.provider.keycloak.issuer-uri (PORTAL_OIDC_ISSUER_URI) "
                    + "and that the provider runs";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted while asking the identity provider";
        }
    }

    private record Answer(Instant at, String problem) {}
}

package com.jewellery.ordertracing.base;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.jewellery.ordertracing.security.IdentityProviderProbe;
import com.jewellery.ordertracing.support.BrowserTestBase;
import com.jewellery.ordertracing.support.StackKeycloak;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

/**
 * The stack's real Keycloak hung (paused, {@link StackKeycloak}) while someone is signed in: they keep working,
 * since the portal never asks the provider again after the sign-in; a new sign-in sees the translated
 * "sign-in service does not answer" page instead of a browser waiting on a dead address, and that page takes
 * them to the sign-in by itself once Keycloak answers again.
 */
class KeycloakOutageBrowserTest extends BrowserTestBase {

    @Test
    void signedInPeopleKeepWorkingAndNewSignInsSeeAClearPageUntilKeycloakIsBack() throws InterruptedException {
        Page signedIn = signInAs("support", "/lost");
        Page newcomer;
        try (StackKeycloak paused = StackKeycloak.pause()) {
            // a server round trip and a full page load, both without the provider
            signedIn.locator("#main-menu").getByText("Order lookup").click();
            assertThat(signedIn).hasURL(PORTAL + "/orders");
            signedIn.navigate(PORTAL + "/incidents");
            assertThat(signedIn.locator("#main-menu")).isVisible();
            assertThat(signedIn).hasURL(PORTAL + "/incidents");

            // the sign-in's probe answer ("answers") is reused for a few seconds: only a newcomer after that learns
            // of the outage (one within those seconds is sent on to the hung provider, as without the probe)
            Thread.sleep(IdentityProviderProbe.REUSE.plusSeconds(1).toMillis());
            newcomer = newPage("ru-RU");
            newcomer.navigate(PORTAL + "/lost");
            assertThat(newcomer.locator("h1")).hasText("Служба входа не отвечает");
            assertThat(newcomer.locator("#outage-text")).containsText("Те, кто уже вошёл, продолжают работать");
        }
        // the page retries every 10 s (portal.outage.retry-after) and lands on Keycloak's login form
        newcomer.locator("#username").waitFor(new Locator.WaitForOptions().setTimeout(45_000));
        newcomer.locator("#username").fill("support");
        newcomer.locator("#password").fill(PASSWORD);
        newcomer.locator("#kc-login").click();
        newcomer.locator("#main-menu").waitFor();
    }
}

package com.jewellery.ordertracing.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.jewellery.ordertracing.support.IntegrationTest;
import com.jewellery.ordertracing.support.TestPortal;
import com.vaadin.flow.server.VaadinServlet;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.catalina.Context;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;
import org.springframework.boot.web.servlet.ServletRegistrationBean;

/** The headers and error pages of real responses of the running portal, and its session settings. */
@IntegrationTest
class SecurityHeadersIT {

    private static final Pattern NONCE = Pattern.compile("'nonce-([A-Za-z0-9+/=]+)'");
    /** What would tell an attacker which server or framework (and version) to look up exploits for. */
    private static final Pattern PRODUCT =
            Pattern.compile("(?i)tomcat|jetty|spring|vaadin/|java/|[0-9]+\\.[0-9]+\\.[0-9]+");

    private static final Pattern SOFTWARE = Pattern.compile("(?i)tomcat|jetty|spring(?!-boot\\.actuator)|vaadin|java");

    @Autowired
    ServletWebServerApplicationContext context;

    @Autowired
    ServletRegistrationBean<? extends VaadinServlet> vaadinServlet;

    private final HttpClient client = TestPortal.client();

    @ParameterizedTest
    @ValueSource(strings = {"/", "/audit", "/actuator/health", "/VAADIN/no-such-file.js", "/error", "/no/such/page"})
    void everyResponseCarriesTheHardenedHeaders(String path) throws Exception {
        HttpHeaders headers = get(path).headers();

        String csp = headers.firstValue("Content-Security-Policy").orElseThrow();
        // the it profile embeds the stand-in Grafana of GrafanaBrowserTest: frames from its origin only
        assertThat(csp)
                .contains(
                        "frame-ancestors 'self'",
                        "frame-src https://localhost:18097;",
                        "object-src 'none'",
                        "default-src 'self'");
        assertThat(csp).containsPattern(NONCE);
        assertThat(headers.firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(headers.firstValue("X-Frame-Options")).hasValue("SAMEORIGIN");
        assertThat(headers.firstValue("Referrer-Policy")).hasValue("same-origin");
        assertThat(headers.firstValue("Permissions-Policy").orElseThrow())
                .contains("camera=()", "microphone=()", "geolocation=()");
        assertThat(headers.map().keySet())
                .map(String::toLowerCase)
                .doesNotContain("server", "x-powered-by", "x-application-context", "via");
        headers.map()
                .forEach((name, values) -> assertThat(values)
                        .as(name)
                        .noneMatch(value -> SOFTWARE.matcher(value).find()));
    }

    @Test
    void eachResponseHasANonceOfItsOwn() throws Exception {
        assertThat(nonceOf(get("/"))).isNotEqualTo(nonceOf(get("/")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/VAADIN/no-such-file.js", "/error", "/actuator/health", "/actuator/info", "/actuator/env"})
    void errorPagesAndEndpointsNameNoServerOrVersion(String path) throws Exception {
        HttpResponse<String> response = get(path);

        assertThat(response.body()).doesNotContainPattern(PRODUCT);
        assertThat(response.body()).doesNotContain("Exception", "at com.", "at org.");
    }

    /** Tomcat answers a malformed request itself, before any filter: its error report must stay anonymous too. */
    @Test
    void tomcatsOwnErrorReportNamesNoServer() throws Exception {
        try (Socket socket = javax.net.ssl.SSLSocketFactory.getDefault().createSocket("localhost", TestPortal.PORT)) {
            OutputStream out = socket.getOutputStream();
            out.write("GET /%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);

            assertThat(answer).startsWith("HTTP/1.1 400");
            assertThat(answer).doesNotContainPattern(PRODUCT);
        }
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteLax() throws Exception {
        List<String> cookies = get("/").headers().allValues("Set-Cookie");

        assertThat(cookies)
                .filteredOn(cookie -> cookie.startsWith("JSESSIONID="))
                .singleElement()
                .satisfies(cookie -> assertThat(cookie).contains("HttpOnly", "SameSite=Lax"));
    }

    @Test
    void sessionsEndAfterThirtyIdleMinutesEvenWithAnOpenTab() {
        TomcatWebServer server = (TomcatWebServer) context.getWebServer();
        Context portal = (Context) server.getTomcat().getHost().findChildren()[0];

        assertThat(portal.getSessionTimeout()).isEqualTo(30);
        assertThat(vaadinServlet
                        .getServlet()
                        .getService()
                        .getDeploymentConfiguration()
                        .isCloseIdleSessions())
                .isTrue();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(
                HttpRequest.newBuilder(URI.create(TestPortal.BASE + path))
                        .header("Accept", "text/html")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String nonceOf(HttpResponse<String> response) {
        Matcher matcher = NONCE.matcher(
                response.headers().firstValue("Content-Security-Policy").orElseThrow());
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }
}

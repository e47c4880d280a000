package com.jewellery.ordertracing.grafana;

import static org.assertj.core.api.Assertions.assertThat;

import com.jewellery.ordertracing.security.Roles;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * docker-compose.yml's authenticating proxy, grafana.ini and the Keycloak realm agree (decision 0007): the proxy
 * sets the header Grafana's auth proxy reads, lets only the people the portal shows the panels to through,
 * Grafana cannot be reached around it, and both sit at the portal's one origin, which is all Grafana lets frame
 * it. Grafana and oauth2-proxy cannot run here, so this is what keeps the files from drifting apart.
 */
class GrafanaComposeTest {

    /** The request headers oauth2-proxy sets from the session with --pass-user-headers (its configuration docs). */
    private static final Set<String> PASS_USER_HEADERS =
            Set.of("X-Forwarded-User", "X-Forwarded-Groups", "X-Forwarded-Email", "X-Forwarded-Preferred-Username");

    private static final Pattern DEFAULTED = Pattern.compile("\\$\\{[A-Z_]+:([^}]*)}");

    private static Map<String, Object> services;
    private static Map<String, Object> networks;
    private static Map<String, Map<String, String>> ini;
    private static List<String> proxyCommand;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void read() {
        Map<String, Object> compose = new Yaml().load(GrafanaFiles.read(Path.of("docker-compose.yml")));
        services = (Map<String, Object>) compose.get("services");
        networks = (Map<String, Object>) compose.get("networks");
        ini = GrafanaFiles.ini();
        proxyCommand = (List<String>) service("grafana-proxy").get("command");
    }

    @Test
    void theProxySetsTheUserHeaderGrafanasAuthProxyReadsAndReplacesWhatTheBrowserSent() {
        Map<String, String> authProxy = ini.get("auth.proxy");
        assertThat(authProxy).containsEntry("enabled", "true").containsEntry("header_property", "username");
        assertThat(flag("pass-user-headers")).containsExactly("true");
        assertThat(PASS_USER_HEADERS).contains(authProxy.get("header_name"));
        Arrays.stream(authProxy.get("headers").split("\\s+"))
                .map(mapping -> mapping.substring(mapping.indexOf(':') + 1))
                .forEach(header -> assertThat(PASS_USER_HEADERS)
                        .as("header %s is one the proxy sets", header)
                        .contains(header));
        assertThat(proxyCommand)
                .as("nothing that would let a browser's own header through")
                .noneMatch(option -> option.contains("preserve") || option.startsWith("--trusted-ip"))
                .doesNotContain("--skip-auth-strip-headers=false");
        assertThat(ini.get("auth.anonymous")).containsEntry("enabled", "false");
        assertThat(ini.get("auth.basic")).containsEntry("enabled", "false");
        assertThat(ini.get("auth")).containsEntry("disable_login_form", "true");
    }

    @Test
    void onlyThePeopleTheAnalyticsPageShowsThePanelsToGetThrough() throws Exception {
        Set<String> analytics = Roles.PEOPLE.stream()
                .filter(role -> Roles.setsGrantedTo(role).contains(Roles.ANALYTICS))
                .collect(Collectors.toSet());
        assertThat(Set.copyOf(flag("allowed-group"))).isEqualTo(analytics);
        assertThat(analytics).contains(Roles.ANALYST, Roles.ADMIN).doesNotContain(Roles.SUPPORT);

        String roleClaim = applicationDefault("role-claim");
        assertThat(flag("oidc-groups-claim")).containsExactly(roleClaim);
        JsonNode realm = JsonMapper.builder()
                .build()
                .readTree(GrafanaFiles.read(Path.of("stack", "keycloak", "jewellery-realm.json")));
        JsonNode client = client(realm, single("client-id"));
        assertThat(client.get("publicClient").asBoolean()).isFalse();
        assertThat(client.get("secret").asString())
                .isEqualTo(environment("grafana-proxy").get("OAUTH2_PROXY_CLIENT_SECRET"));
        assertThat(client.get("redirectUris")).extracting(JsonNode::asString).containsExactly(single("redirect-url"));
        assertThat(client.get("protocolMappers")).anySatisfy(mapper -> {
            assertThat(mapper.get("protocolMapper").asString()).isEqualTo("oidc-usermodel-realm-role-mapper");
            assertThat(mapper.get("config").get("claim.name").asString()).isEqualTo(roleClaim);
            assertThat(mapper.get("config").get("id.token.claim").asString()).isEqualTo("true");
        });
        List<String> realmRoles = new ArrayList<>();
        realm.get("roles")
                .get("realm")
                .forEach(role -> realmRoles.add(role.get("name").asString()));
        assertThat(realmRoles).containsAll(analytics);
        assertThat(single("oidc-issuer-url")).isEqualTo(environment("portal").get("PORTAL_OIDC_ISSUER_URI"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void grafanaIsReachableOnlyThroughTheProxy() {
        Map<String, Object> grafana = service("grafana");
        assertThat(grafana).as("no published port").doesNotContainKey("ports");
        assertThat((List<String>) grafana.get("networks")).containsExactly("grafana");
        Map<String, Object> network = (Map<String, Object>) networks.get("grafana");
        assertThat(network).containsEntry("internal", true);
        String subnet = (String) ((List<Map<String, Object>>) ((Map<String, Object>) network.get("ipam")).get("config"))
                .getFirst()
                .get("subnet");
        Map<String, Object> proxyNetworks =
                (Map<String, Object>) service("grafana-proxy").get("networks");
        String proxyAddress = (String) ((Map<String, Object>) proxyNetworks.get("grafana")).get("ipv4_address");
        assertThat(environment("grafana").get("GF_AUTH_PROXY_WHITELIST"))
                .as("Grafana believes the user header from the proxy's fixed address only")
                .isEqualTo(proxyAddress);
        assertThat(proxyAddress).startsWith(subnet.substring(0, subnet.lastIndexOf('.') + 1));
        for (Map.Entry<String, Object> entry : services.entrySet()) {
            Map<String, Object> other = (Map<String, Object>) entry.getValue();
            if (!entry.getKey().equals("grafana-proxy") && other.get("networks") instanceof Map<?, ?> map) {
                assertThat(((Map<String, Object>) map.get("grafana")))
                        .as("%s takes no fixed address on Grafana's network", entry.getKey())
                        .isNull();
            }
        }
        assertThat(flag("upstream")).contains("http://grafana:3000/grafana/");
        assertThat(flag("skip-auth-route"))
                .as("unauthenticated: everything but /grafana/ (the portal signs in itself), and Grafana's health")
                .containsExactlyInAnyOrder("!=^/grafana/", "GET=^/grafana/api/health$");
        URI probe = URI.create(environment("portal").get("PORTAL_GRAFANA_PROBE_URL"));
        assertThat(probe.getHost())
                .as("the portal's probe goes through the proxy")
                .isEqualTo("grafana-proxy");
        assertThat(single("http-address")).endsWith(":" + probe.getPort());
        assertThat((probe.getPath() + "/api/health")).matches(Pattern.compile("^/grafana/api/health$"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void grafanaAndThePortalShareTheOneOriginGrafanaLetsFrameIt() {
        assertThat(ini.get("security"))
                .containsEntry("allow_embedding", "true")
                .containsEntry("cookie_samesite", "lax");
        assertThat(ini.get("security")).containsEntry("content_security_policy", "true");
        List<String> frameAncestors = Arrays.stream(ini.get("security")
                        .get("content_security_policy_template")
                        .split(";"))
                .map(String::strip)
                .filter(directive -> directive.startsWith("frame-ancestors "))
                .toList();
        assertThat(frameAncestors)
                .as("frames only from Grafana's own origin, which is the portal's")
                .containsExactly("frame-ancestors 'self'");

        String proxyPort =
                single("http-address").substring(single("http-address").lastIndexOf(':') + 1);
        List<String> published = (List<String>) service("grafana-proxy").get("ports");
        String front = published.stream()
                .filter(mapping -> mapping.endsWith(":" + proxyPort))
                .map(mapping -> "http://localhost:" + mapping.substring(0, mapping.indexOf(':')))
                .findFirst()
                .orElseThrow(() -> new AssertionError("the proxy's port is published"));
        URI root = URI.create(environment("grafana").get("GF_SERVER_ROOT_URL"));
        URI browserBase = URI.create(environment("portal").get("PORTAL_GRAFANA_BASE_URL"));
        assertThat(origin(root)).isEqualTo(front);
        assertThat(origin(browserBase))
                .as("the portal frames Grafana at its own origin")
                .isEqualTo(front);
        assertThat(origin(URI.create(single("redirect-url")))).isEqualTo(front);
        assertThat(root.getPath()).isEqualTo("/grafana/");
        assertThat(browserBase.getPath() + "/").isEqualTo(root.getPath());
        assertThat(ini.get("server")).containsEntry("serve_from_sub_path", "true");
        assertThat(flag("upstream")).as("the portal behind the same front").contains("http://portal:8080/");
        assertThat(service("portal")).as("the portal only through the front").doesNotContainKey("ports");
    }

    private static String origin(URI uri) {
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }

    private static List<String> flag(String name) {
        String prefix = "--" + name + "=";
        return proxyCommand.stream()
                .filter(option -> option.startsWith(prefix))
                .map(option -> option.substring(prefix.length()))
                .toList();
    }

    private static String single(String name) {
        List<String> values = flag(name);
        assertThat(values).as("--%s given once", name).hasSize(1);
        return values.getFirst();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> service(String name) {
        return (Map<String, Object>) services.get(name);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> environment(String name) {
        return (Map<String, String>) service(name).get("environment");
    }

    private static JsonNode client(JsonNode realm, String clientId) {
        for (JsonNode client : realm.get("clients")) {
            if (client.get("clientId").asString().equals(clientId)) {
                return client;
            }
        }
        throw new AssertionError("no client " + clientId + " in the realm");
    }

    @SuppressWarnings("unchecked")
    private static String applicationDefault(String securityKey) {
        Map<String, Object> application =
                new Yaml().load(GrafanaFiles.read(Path.of("src", "main", "resources", "application.yml")));
        Map<String, Object> security =
                (Map<String, Object>) ((Map<String, Object>) application.get("portal")).get("security");
        Matcher defaulted = DEFAULTED.matcher(String.valueOf(security.get(securityKey)));
        assertThat(defaulted.matches()).isTrue();
        return defaulted.group(1);
    }
}

package com.jewellery.ordertracing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * stack/versions.env is the one list of the services' versions (issue 9): bin/stack reads it, and
 * docker-compose.yml, stack/jaeger/go.mod and docs/stack.md must say the same, so compose runs what
 * the tests ran against.
 */
class StackVersionsTest {

    private static final Pattern ENV_LINE = Pattern.compile("([A-Z][A-Z0-9_]*)=(\\S+)");
    private static final Pattern COMPOSE_IMAGE = Pattern.compile("(?m)^\\s+image:\\s*(\\S+):(\\S+)\\s*$");
    private static final Pattern JAEGER_MODULE = Pattern.compile("(?m)^\\s*github\\.com/jaegertracing/jaeger (v\\S+)");
    private static final Pattern SEMVER = Pattern.compile("(\\d+)\\.(\\d+)\\.(\\d+)");
    /** Jaeger tags each v2 release with a v1 Go module version as well: v2.0.0 = v1.63.0, v2.13.0 = v1.76.0. */
    private static final int JAEGER_GO_MODULE_MINOR_OFFSET = 63;

    private static Map<String, String> versions;
    private static Map<String, String> composeTags;

    @BeforeAll
    static void read() throws IOException {
        versions = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of("stack/versions.env"))) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            Matcher entry = ENV_LINE.matcher(line);
            assertThat(entry.matches())
                    .as("versions.env line '%s' is KEY=value", line)
                    .isTrue();
            versions.put(entry.group(1), entry.group(2));
        }
        composeTags = new LinkedHashMap<>();
        COMPOSE_IMAGE
                .matcher(read("docker-compose.yml"))
                .results()
                .forEach(image -> composeTags.put(image.group(1), image.group(2)));
    }

    @Test
    void composeRunsTheVersionsOfTheStack() {
        assertThat(versions)
                .containsOnlyKeys(
                        "POSTGRES_MAJOR",
                        "RABBITMQ",
                        "JAEGER",
                        "JAEGER_GO_MODULE",
                        "KEYCLOAK",
                        "GRAFANA",
                        "OAUTH2_PROXY");
        assertThat(composeTags.get("postgres"))
                .as("postgres image tag")
                .matches(Pattern.quote(versions.get("POSTGRES_MAJOR")) + "([.-].*)?");
        assertThat(composeTags.get("rabbitmq"))
                .as("rabbitmq image tag: the major.minor Debian installs")
                .matches(Pattern.quote(versions.get("RABBITMQ")) + "([.-].*)?");
        assertThat(composeTags.get("jaegertracing/jaeger")).isEqualTo(versions.get("JAEGER"));
        assertThat(composeTags.get("quay.io/keycloak/keycloak")).isEqualTo(versions.get("KEYCLOAK"));
        assertThat(composeTags.get("grafana/grafana")).isEqualTo(versions.get("GRAFANA"));
        assertThat(composeTags.get("quay.io/oauth2-proxy/oauth2-proxy")).isEqualTo("v" + versions.get("OAUTH2_PROXY"));
    }

    @Test
    void theJaegerBuiltByBinStackIsTheRelease() throws IOException {
        Matcher module = JAEGER_MODULE.matcher(read("stack/jaeger/go.mod"));
        assertThat(module.find())
                .as("go.mod requires github.com/jaegertracing/jaeger")
                .isTrue();
        assertThat(module.group(1)).isEqualTo(versions.get("JAEGER_GO_MODULE"));

        Matcher release = SEMVER.matcher(versions.get("JAEGER"));
        assertThat(release.matches()).as("JAEGER is a release number").isTrue();
        assertThat(release.group(1)).as("Jaeger major version").isEqualTo("2");
        assertThat(versions.get("JAEGER_GO_MODULE"))
                .isEqualTo("v1.%d.%s"
                        .formatted(
                                Integer.parseInt(release.group(2)) + JAEGER_GO_MODULE_MINOR_OFFSET, release.group(3)));
    }

    @Test
    void binStackTakesItsVersionsFromTheFile() throws IOException {
        String stack = read("bin/stack");

        assertThat(stack)
                .contains("source \"$ROOT/stack/versions.env\"")
                .contains("PG_BIN=/usr/lib/postgresql/$POSTGRES_MAJOR/bin")
                .contains("KEYCLOAK_VERSION=$KEYCLOAK")
                .contains("$JAEGER_GO_MODULE")
                .contains("$RABBITMQ");
        assertThat(stack).doesNotContainPattern("postgresql/\\d").doesNotContainPattern("KEYCLOAK_VERSION=\\d");
    }

    @Test
    void theStackDocumentationNamesTheSameVersions() throws IOException {
        String docs = read("docs/stack.md");

        assertThat(docs)
                .contains("PostgreSQL " + versions.get("POSTGRES_MAJOR"))
                .contains("RabbitMQ " + versions.get("RABBITMQ"))
                .contains("Jaeger " + versions.get("JAEGER"))
                .contains(versions.get("JAEGER_GO_MODULE"))
                .contains("Keycloak " + versions.get("KEYCLOAK"))
                .contains("Grafana " + versions.get("GRAFANA"))
                .contains("oauth2-proxy " + versions.get("OAUTH2_PROXY"));
    }

    private static String read(String file) throws IOException {
        return Files.readString(Path.of(file));
    }
}

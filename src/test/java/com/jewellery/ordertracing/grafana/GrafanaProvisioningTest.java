package com.jewellery.ordertracing.grafana;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.FileSystemResource;
import tools.jackson.databind.JsonNode;

/**
 * The provisioning files parse, their uids and panel ids are unique, every panel reads the provisioned data
 * source, and the panels the portal embeds (application.yml) exist in the dashboard: fails when they drift.
 */
class GrafanaProvisioningTest {

    @Test
    @SuppressWarnings("unchecked")
    void dataSourcesHaveFixedUniqueUidsAndThePortalOneIsTheReadOnlyRole() {
        List<Map<String, Object>> sources = (List<Map<String, Object>>)
                GrafanaFiles.yaml("provisioning/datasources/portal.yaml").get("datasources");
        assertThat(sources)
                .extracting(source -> source.get("uid"))
                .doesNotHaveDuplicates()
                .containsExactly("portal-postgres", "portal-jaeger");
        Map<String, Object> postgres = sources.getFirst();
        assertThat(postgres)
                .containsEntry("type", "grafana-postgresql-datasource")
                .containsEntry("user", "portal_grafana")
                .containsEntry("editable", false);
        assertThat(sources.get(1)).containsEntry("type", "jaeger");
        Map<String, Object> dashboards = GrafanaFiles.yaml("provisioning/dashboards/portal.yaml");
        assertThat((List<Map<String, Object>>) dashboards.get("providers"))
                .singleElement()
                .satisfies(provider ->
                        assertThat(provider).containsEntry("type", "file").containsEntry("allowUiUpdates", false));
    }

    @Test
    void dashboardUidsAndPanelIdsAreUniqueAndEveryPanelReadsThePortalSource() {
        List<JsonNode> dashboards = GrafanaFiles.dashboards();
        assertThat(dashboards).isNotEmpty();
        assertThat(dashboards)
                .extracting(dashboard -> dashboard.get("uid").asString())
                .doesNotHaveDuplicates();
        for (JsonNode dashboard : dashboards) {
            Set<Integer> ids = new HashSet<>();
            for (JsonNode panel : dashboard.get("panels")) {
                assertThat(ids.add(panel.get("id").asInt()))
                        .as("panel id %s unique", panel.get("id"))
                        .isTrue();
                assertThat(panel.get("datasource").get("uid").asString()).isEqualTo("portal-postgres");
                assertThat(panel.get("targets")).isNotEmpty();
            }
            assertThat(dashboard.get("templating").get("list"))
                    .extracting(variable -> variable.get("name").asString())
                    .contains("stage");
        }
    }

    @Test
    void thePanelsThePortalEmbedsExistInTheDashboard() throws Exception {
        StandardEnvironment environment = new StandardEnvironment();
        new YamlPropertySourceLoader()
                .load("application", new FileSystemResource("src/main/resources/application.yml"))
                .forEach(environment.getPropertySources()::addLast);
        GrafanaProperties properties = Binder.get(environment)
                .bind("portal.grafana", GrafanaProperties.class)
                .get();
        assertThat(properties.configured()).as("not configured by default").isFalse();
        assertThat(properties.panels()).isNotEmpty();
        JsonNode dashboard = GrafanaFiles.dashboards().stream()
                .filter(candidate -> candidate.get("uid").asString().equals(properties.dashboardUid()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no dashboard " + properties.dashboardUid()));
        Set<Integer> ids = new HashSet<>();
        dashboard.get("panels").forEach(panel -> ids.add(panel.get("id").asInt()));
        assertThat(properties.panels()).allSatisfy(panel -> {
            assertThat(ids)
                    .as("panel %s (%s) in %s", panel.id(), panel.titleEn(), properties.dashboardUid())
                    .contains(panel.id());
            assertThat(panel.titleEn()).isNotBlank();
            assertThat(panel.titleRu()).isNotBlank();
        });
    }

    @Test
    void rollupPanelsChooseTheirRowsByStepAndLostStuckReadsThePortalsSlas() {
        for (JsonNode dashboard : GrafanaFiles.dashboards()) {
            for (JsonNode panel : dashboard.get("panels")) {
                String sql = panel.get("targets").get(0).get("rawSql").asString();
                assertThat(sql)
                        .as(
                                "panel %s reads rollups through grafana_stage_rows, never the minute rows for all ranges",
                                panel.get("id"))
                        .doesNotContain(
                                "grafana_stage_minute", "grafana_stage_15m", "grafana_stage_hour", "grafana_stage_6h");
                if (sql.contains("grafana_stage_rows")) {
                    assertThat(sql).contains("grafana_stage_rows($__timeFrom(), $__timeTo(), $__interval_ms,");
                    assertThat(panel.get("maxDataPoints").asInt())
                            .as("about as many points as the portal's chart")
                            .isEqualTo(200);
                }
                if (sql.contains("grafana_open_orders")) {
                    assertThat(sql).contains("grafana_lost_rules", "grafana_stage_slas");
                }
            }
            assertThat(dashboard.get("templating").get("list"))
                    .extracting(variable -> variable.get("type").asString())
                    .as("no hand-typed thresholds")
                    .doesNotContain("textbox");
        }
    }

    @Test
    void everyMacroAndVariableOfThePanelsExpands() {
        Map<String, String> variables = Map.of("stage", "mes.price");
        for (JsonNode dashboard : GrafanaFiles.dashboards()) {
            for (GrafanaFiles.PanelQuery query : GrafanaFiles.queries(dashboard)) {
                String sql = GrafanaMacros.expand(
                        query.sql(),
                        Instant.parse("2026-01-01T00:00:00Z"),
                        Instant.parse("2026-01-01T01:00:00Z"),
                        Duration.ofMinutes(5),
                        variables);
                assertThat(sql).as("panel %s", query.panelId()).doesNotContain("$");
            }
        }
        assertThat(GrafanaMacros.expand(
                        "SELECT $__timeGroupAlias(t, $__interval), $__interval_ms WHERE $__timeFilter(t) AND s = '${stage}'",
                        Instant.parse("2026-01-01T00:00:00Z"),
                        Instant.parse("2026-01-01T01:00:00Z"),
                        Duration.ofMinutes(5),
                        variables))
                .isEqualTo(
                        "SELECT floor(extract(epoch from t)/300)*300 AS \"time\", 300000 WHERE t BETWEEN '2026-01-01T00:00:00Z'"
                                + " AND '2026-01-01T01:00:00Z' AND s = 'mes.price'");
    }
}

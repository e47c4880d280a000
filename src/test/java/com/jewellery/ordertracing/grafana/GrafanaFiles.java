package com.jewellery.ordertracing.grafana;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The provisioning files in stack/grafana, as Grafana reads them. */
final class GrafanaFiles {

    static final Path ROOT = Path.of("stack", "grafana");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private GrafanaFiles() {}

    static List<JsonNode> dashboards() {
        try (Stream<Path> files = Files.list(ROOT.resolve("dashboards"))) {
            return files.filter(file -> file.toString().endsWith(".json"))
                    .sorted()
                    .map(file -> JSON.readTree(read(file)))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, Object> yaml(String relative) {
        return new Yaml().load(read(ROOT.resolve(relative)));
    }

    /** Every query of every panel: panel id, title, format and SQL. */
    static List<PanelQuery> queries(JsonNode dashboard) {
        List<PanelQuery> queries = new ArrayList<>();
        for (JsonNode panel : dashboard.get("panels")) {
            for (JsonNode target : panel.get("targets")) {
                queries.add(new PanelQuery(
                        panel.get("id").asInt(),
                        panel.get("title").asString(),
                        target.get("format").asString(),
                        target.get("rawSql").asString()));
            }
        }
        return queries;
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record PanelQuery(int panelId, String title, String format, String sql) {}
}

package com.jewellery.ordertracing.grafana;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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

    /**
     * grafana.ini as Grafana reads it: {@code [section]}, {@code key = value}, {@code ;}/{@code #} comments,
     * a value in triple quotes taken without them.
     */
    static Map<String, Map<String, String>> ini() {
        Map<String, Map<String, String>> sections = new LinkedHashMap<>();
        Map<String, String> section = sections.computeIfAbsent("", name -> new LinkedHashMap<>());
        for (String raw : read(ROOT.resolve("grafana.ini")).split("\\R")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith(";") || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                section = sections.computeIfAbsent(line.substring(1, line.length() - 1), name -> new LinkedHashMap<>());
                continue;
            }
            int equals = line.indexOf('=');
            String value = line.substring(equals + 1).strip();
            if (value.startsWith("\"\"\"") && value.endsWith("\"\"\"")) {
                value = value.substring(3, value.length() - 3);
            }
            section.put(line.substring(0, equals).strip(), value);
        }
        return sections;
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

package com.jewellery.ordertracing.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.jewellery.ordertracing.alerts.AlertRuleKind;
import com.jewellery.ordertracing.alerts.DeliveryStatus;
import com.jewellery.ordertracing.analytics.AnalyticsRange;
import com.jewellery.ordertracing.analytics.Metric;
import com.jewellery.ordertracing.analytics.Resolution;
import com.jewellery.ordertracing.analytics.Rollup;
import com.jewellery.ordertracing.audit.AuditEventType;
import com.jewellery.ordertracing.grafana.GrafanaService;
import com.jewellery.ordertracing.incidents.api.LinkVia;
import com.jewellery.ordertracing.incidents.api.TimelineKind;
import com.jewellery.ordertracing.incidents.domain.IncidentStatus;
import com.jewellery.ordertracing.incidents.domain.Severity;
import com.jewellery.ordertracing.index.backfill.InvalidBackfillException;
import com.jewellery.ordertracing.journey.JourneyOutcome;
import com.jewellery.ordertracing.journey.StageState;
import com.jewellery.ordertracing.lost.ProblemReason;
import com.jewellery.ordertracing.review.ReviewSection;
import com.jewellery.ordertracing.review.domain.ReviewFigures;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every screen in Russian and English: both bundles hold the same keys, and every key the code asks for. */
class TranslationBundlesTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d");
    private static final Pattern LITERAL_KEY = Pattern.compile("getTranslation\\(\\s*\"([a-zA-Z0-9_.]+)\"");

    private final Properties english = bundle("translations.properties");
    private final Properties russian = bundle("translations_ru.properties");

    @Test
    void russianAndEnglishHaveTheSameKeysAndNoEmptyText() {
        assertThat(russian.stringPropertyNames()).isEqualTo(english.stringPropertyNames());
        assertThat(english.stringPropertyNames())
                .allMatch(key -> !english.getProperty(key).isBlank())
                .allMatch(key -> !russian.getProperty(key).isBlank());
    }

    @Test
    void everyTextReadsTheSameWhetherOrNotItIsFormatted() {
        // Vaadin passes a text through MessageFormat only when getTranslation gets arguments. MessageFormat
        // swallows a lone apostrophe (it starts a quoted part) and turns '' into ', so an apostrophe is right
        // only doubled, in a text with placeholders; elsewhere the typographic ’ is the one to use.
        for (Properties bundle : new Properties[] {english, russian}) {
            assertThat(bundle.stringPropertyNames()).allSatisfy(key -> {
                String text = bundle.getProperty(key);
                assertThat(apostropheProblem(text)).as("%s: %s", key, text).isNull();
                new MessageFormat(text, Locale.ROOT);
            });
        }
    }

    @Test
    void theApostropheCheckCatchesWhatMessageFormatWouldSwallow() {
        assertThat(apostropheProblem("the order's journey")).isNotNull();
        assertThat(apostropheProblem("the order''s journey"))
                .as("shown doubled without arguments")
                .isNotNull();
        assertThat(apostropheProblem("order {0}''s journey")).isNull();
        assertThat(apostropheProblem("order {0}'s journey")).isNotNull();
        assertThat(apostropheProblem("the order’s journey")).isNull();
    }

    /** What is wrong with the text's apostrophes, or null. */
    private static String apostropheProblem(String text) {
        boolean formatted = PLACEHOLDER.matcher(text).find();
        if (text.replace("''", "").contains("'")) {
            return "a lone ' that MessageFormat would swallow: write ’" + (formatted ? " or ''" : "");
        }
        if (!formatted && text.contains("''")) {
            return "'' in a text without placeholders is shown doubled: write ’";
        }
        return null;
    }

    @Test
    void everyKeyTheCodeAsksForIsInTheBundles() throws IOException {
        Set<String> asked = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            sources.filter(path -> path.toString().endsWith(".java")).forEach(path -> {
                Matcher matcher = LITERAL_KEY.matcher(read(path));
                while (matcher.find()) {
                    asked.add(matcher.group(1));
                }
            });
        }
        assertThat(asked).hasSizeGreaterThan(100);
        // "order.status." + value: a prefix, whose keys are completed at run time
        assertThat(asked)
                .allMatch(
                        key -> key.endsWith(".")
                                ? english.stringPropertyNames().stream().anyMatch(present -> present.startsWith(key))
                                : english.containsKey(key),
                        "present in the bundles");
    }

    /** The keys built at run time from a value ("lost.reason." + reason.name()): one for every value there is. */
    private static final Map<String, List<?>> BUILT_KEYS = Map.ofEntries(
            Map.entry("alerts.kind.", List.of(AlertRuleKind.values())),
            Map.entry("alerts.rule.thresholdHelp.", List.of(AlertRuleKind.values())),
            Map.entry("alerts.status.", List.of(DeliveryStatus.values())),
            Map.entry("analytics.range.error.", List.of(AnalyticsRange.Problem.values())),
            Map.entry("analytics.rollup.", List.of(Rollup.values())),
            Map.entry("analytics.series.", List.of(Metric.values())),
            Map.entry("analytics.step.", Resolution.STEPS),
            Map.entry("audit.type.", List.of(AuditEventType.values())),
            Map.entry("grafana.unavailable.", List.of(GrafanaService.Unavailable.values())),
            Map.entry("incident.outcome.", List.of(JourneyOutcome.values())),
            Map.entry("incident.severity.", List.of(Severity.values())),
            Map.entry("incident.status.", List.of(IncidentStatus.values())),
            Map.entry("incident.timeline.", List.of(TimelineKind.values())),
            Map.entry("incident.via.", List.of(LinkVia.values())),
            Map.entry("journey.outcome.", List.of(JourneyOutcome.values())),
            Map.entry("journey.state.", List.of(StageState.values())),
            Map.entry("lost.reason.", List.of(ProblemReason.values())),
            Map.entry("reindex.error.", List.of(InvalidBackfillException.Reason.values())),
            Map.entry("review.quality.", List.of(ReviewFigures.QualityIssue.values())),
            Map.entry("review.section.", List.of(ReviewSection.values())));

    @Test
    void everyValueBehindAKeyBuiltAtRunTimeHasItsText() {
        Set<String> missing = new TreeSet<>();
        BUILT_KEYS.forEach((prefix, values) -> values.stream()
                .map(value -> prefix + value)
                .filter(key -> !english.containsKey(key))
                .forEach(missing::add));
        assertThat(missing).as("keys the views build from these values").isEmpty();
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    private static Properties bundle(String name) {
        Properties properties = new Properties();
        try (InputStream in = TranslationBundlesTest.class.getResourceAsStream("/vaadin-i18n/" + name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
        return properties;
    }
}

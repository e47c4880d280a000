package com.jewellery.ordertracing.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Locale;
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

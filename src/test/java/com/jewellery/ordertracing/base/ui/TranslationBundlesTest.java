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
    private static final Pattern LITERAL_KEY = Pattern.compile("getTranslation\\(\"([a-zA-Z0-9_.]+)\"");

    private final Properties english = bundle("translations.properties");
    private final Properties russian = bundle("translations_ru.properties");

    @Test
    void russianAndEnglishHaveTheSameKeysAndNoEmptyText() {
        assertThat(russian.stringPropertyNames()).isEqualTo(english.stringPropertyNames());
        assertThat(english.stringPropertyNames()).allMatch(key -> !english.getProperty(key).isBlank())
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
                assertThat(renderedWithPlaceholdersKept(text))
                        .as("%s as MessageFormat shows it (a lone ' is lost; write ’ or, with placeholders, '')", key)
                        .isEqualTo(PLACEHOLDER.matcher(text).find() ? text.replace("''", "'") : text);
            });
        }
    }

    @Test
    void theApostropheCheckCatchesWhatMessageFormatWouldSwallow() {
        assertThat(renderedWithPlaceholdersKept("the order's journey")).isNotEqualTo("the order's journey");
        assertThat(renderedWithPlaceholdersKept("order {0}''s journey")).isEqualTo("order {0}'s journey");
    }

    /** The text formatted with each placeholder {@code {n}} replaced by itself. */
    private static String renderedWithPlaceholdersKept(String text) {
        Object[] arguments = new Object[10];
        for (int i = 0; i < arguments.length; i++) {
            arguments[i] = "{" + i + "}";
        }
        return new MessageFormat(text, Locale.ROOT).format(arguments);
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
        assertThat(asked).allMatch(key -> key.endsWith(".")
                ? english.stringPropertyNames().stream().anyMatch(present -> present.startsWith(key))
                : english.containsKey(key), "present in the bundles");
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

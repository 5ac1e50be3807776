package org.griddesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Properties;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class MessagesTest {
    @Test
    void everyTextIsInBothLanguages() {
        for (String bundle : new String[] {Messages.BUNDLE, "i18n/refusals"}) {
            Set<String> zh = own(bundle + ".properties");
            Set<String> en = own(bundle + "_en.properties");
            assertThat(zh).isNotEmpty();
            assertThat(en).as(bundle + ": English lacks").containsAll(zh);
            assertThat(zh).as(bundle + ": Chinese lacks").containsAll(en);
        }
    }

    @Test
    void patternsWithArgumentsFormatInBothLanguages() {
        for (Language language : Language.values()) {
            Messages m = Messages.of(language);
            for (String key : keys(m.bundle())) {
                if (m.bundle().getString(key).contains("{0}")) {
                    assertThat(m.get(key, "X", 1, 2, 3, 4, 5)).as(language + " " + key).doesNotContain("{0}");
                }
            }
        }
    }

    /// In a MessageFormat pattern a lone apostrophe starts a quote: "worker's {0}" would show
    /// "workers {0}". Every text with an argument, and every refusal of the visits (always
    /// formatted), doubles its apostrophes. The command line's own help (picocli) is not formatted so.
    @Test
    void noApostropheQuotesAwayPartOfAPattern() throws Exception {
        java.nio.file.Path folder = java.nio.file.Path.of(MessagesTest.class.getClassLoader().getResource("i18n").toURI());
        java.util.List<String> quoting = new java.util.ArrayList<>();
        try (var files = java.nio.file.Files.list(folder)) {
            for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".properties"))
                    .filter(f -> !f.getFileName().toString().startsWith("cli")).toList()) {
                Properties p = new Properties();
                try (var in = java.nio.file.Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    p.load(in);
                }
                boolean alwaysFormatted = file.getFileName().toString().startsWith("visits");
                for (String key : p.stringPropertyNames()) {
                    String value = p.getProperty(key);
                    if ((alwaysFormatted || value.matches("(?s).*\\{\\d.*")) && value.replace("''", "").contains("'")) {
                        quoting.add(file.getFileName() + " " + key + "=" + value);
                    }
                }
            }
        }
        assertThat(quoting).isEmpty();
    }

    private static Set<String> keys(ResourceBundle bundle) {
        return new TreeSet<>(Collections.list(bundle.getKeys()));
    }

    /// The keys a properties file itself holds (a bundle would show its Chinese parent's too).
    private static Set<String> own(String resource) {
        Properties p = new Properties();
        try (var in = MessagesTest.class.getClassLoader().getResourceAsStream(resource)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new TreeSet<>(p.stringPropertyNames());
    }
}

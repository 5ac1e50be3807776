package org.griddesk.store.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/// The digest speaks Chinese and English alike: every key in both bundles.
class DigestWordsTest {
    @Test
    void everyTextIsInBothLanguages() throws IOException {
        Set<String> zh = keys("/i18n/digest.properties");
        assertThat(zh).contains("digest.title", "digest.refused.permission", "digest.cli.badDay");
        assertThat(keys("/i18n/digest_en.properties")).isEqualTo(zh);
    }

    private static Set<String> keys(String resource) throws IOException {
        Properties p = new Properties();
        try (var in = new InputStreamReader(DigestWordsTest.class.getResourceAsStream(resource), StandardCharsets.UTF_8)) {
            p.load(in);
        }
        return new TreeSet<>(p.stringPropertyNames());
    }
}

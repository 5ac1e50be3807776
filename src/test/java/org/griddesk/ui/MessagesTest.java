package org.griddesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class MessagesTest {

    @Test
    void chineseAndEnglishBundlesHaveTheSameKeys() {
        for (String bundle : new String[] {Messages.BUNDLE, "i18n/cli"}) {
            Set<String> zh = new TreeSet<>(Collections.list(Messages.bundle(bundle, Language.ZH_CN).getKeys()));
            Set<String> en = new TreeSet<>(Collections.list(Messages.bundle(bundle, Language.EN).getKeys()));
            assertThat(en).as(bundle).isEqualTo(zh);
        }
    }

    @Test
    void englishIsEnglishEvenOnAChineseMachineAndViceVersa() {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.SIMPLIFIED_CHINESE);
            assertThat(Messages.of(Language.EN).get("queue.title")).isEqualTo("Intake queue");
            Locale.setDefault(Locale.US);
            assertThat(Messages.of(Language.ZH_CN).get("queue.title")).isEqualTo("接入队列");
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    void argumentsAreFilledIn() {
        assertThat(Messages.of(Language.ZH_CN).get("status.shift", "夜班")).isEqualTo("当班：夜班");
        assertThat(Messages.of(Language.EN).get("no.such.key")).isEqualTo("!no.such.key!");
    }

    @Test
    void languageCodesPeopleTypeAreUnderstood() {
        assertThat(Language.parse("zh-CN")).contains(Language.ZH_CN);
        assertThat(Language.parse("EN_us")).contains(Language.EN);
        assertThat(Language.parse("fr")).isEmpty();
        assertThat(Theme.parse("浅色")).contains(Theme.LIGHT);
    }
}

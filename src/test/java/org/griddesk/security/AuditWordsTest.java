package org.griddesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.griddesk.ui.Language;
import org.junit.jupiter.api.Test;

class AuditWordsTest {
    @Test
    void everyActionAndOutcomeHasChineseAndEnglishWords() throws Exception {
        AuditWords zh = AuditWords.of(Language.ZH_CN);
        AuditWords en = AuditWords.of(Language.EN);
        for (AuditAction action : AuditAction.values()) {
            assertThat(zh.action(action)).as(action.name()).matches(".*\\p{IsHan}.*");
            assertThat(en.action(action)).as(action.name()).matches("[A-Z][A-Za-z -]+");
        }
        for (AuditOutcome outcome : AuditOutcome.values()) {
            assertThat(zh.outcome(outcome)).matches("\\p{IsHan}+");
            assertThat(en.outcome(outcome)).matches("[A-Z][a-z]+");
        }
        assertThat(zh.action(AuditAction.PERSONAL_DATA_REVEALED)).isEqualTo("查看个人信息");
        assertThat(en.outcome(AuditOutcome.REFUSED)).isEqualTo("Refused");
        assertThat(keys("/i18n/audit_en.properties")).as("English has every key").isEqualTo(keys("/i18n/audit.properties"));
    }

    private static java.util.Set<Object> keys(String resource) throws java.io.IOException {
        java.util.Properties p = new java.util.Properties();
        try (var in = AuditWordsTest.class.getResourceAsStream(resource)) {
            p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return p.keySet();
    }
}

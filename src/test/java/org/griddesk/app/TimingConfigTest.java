package org.griddesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.griddesk.domain.ticket.LifecycleRules;
import org.griddesk.domain.ticket.TimingPolicy;
import org.griddesk.ui.Language;
import org.griddesk.ui.Messages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/// The first-time limits, the at-risk share, the whistle check-in and the notifications' sound in
/// `griddesk.properties`: commented in the first file, read, and refused naming the setting.
class TimingConfigTest {
    @TempDir
    Path dir;

    private Path file(String text) throws IOException {
        Path path = dir.resolve("griddesk.properties");
        Files.writeString(path, text, StandardCharsets.UTF_8);
        return path;
    }

    @Test
    void theFirstFileNamesEveryLimitWithTheCodesDefaults() throws IOException {
        ConfigFile file = new ConfigFile(dir.resolve("griddesk.properties"));
        file.createIfMissing();
        String text = Files.readString(file.path(), StandardCharsets.UTF_8);
        assertThat(text).contains("# ---- 时限与提醒 / Time limits and notifications ----", "timing.accept.minutes=30",
                "timing.contact.minutes=120", "timing.callback.workdays=1", "timing.atrisk.percent=20",
                "timing.whistle.checkin.minutes=120", "alerts.sound=off");
        AppConfig config = file.load(Map.of());
        assertThat(config.timing()).isEqualTo(TimingPolicy.DEFAULT);
        assertThat(config.lifecycleRules()).isEqualTo(LifecycleRules.DEFAULT);
        assertThat(config.alertSound()).isFalse();
    }

    @Test
    void limitsWrittenInTheFileAreTheOnesUsed() throws IOException {
        AppConfig config = new ConfigFile(file("""
                timing.accept.minutes = 15
                timing.contact.minutes=60
                timing.callback.workdays=2
                timing.atrisk.percent=35
                timing.whistle.checkin.minutes=45
                alerts.sound=beep
                """)).load(Map.of());
        assertThat(config.timing()).isEqualTo(new TimingPolicy(Duration.ofMinutes(15), Duration.ofHours(1), 2, 0.35));
        assertThat(config.whistleCheckIn()).isEqualTo(Duration.ofMinutes(45));
        assertThat(config.lifecycleRules().whistleCheckIn()).isEqualTo(Duration.ofMinutes(45));
        assertThat(config.lifecycleRules().maxExtensionDays()).isEqualTo(LifecycleRules.DEFAULT.maxExtensionDays());
        assertThat(config.alertSound()).isTrue();
        assertThat(config.withLanguage(Language.EN).timing()).as("kept through a language change").isEqualTo(config.timing());
    }

    @Test
    void anEmptyValueKeepsTheDefault() throws IOException {
        assertThat(new ConfigFile(file("timing.contact.minutes=\n")).load(Map.of()).timing()).isEqualTo(TimingPolicy.DEFAULT);
    }

    @ParameterizedTest
    @CsvSource({
            "timing.accept.minutes, 0",
            "timing.accept.minutes, 1441",
            "timing.accept.minutes, 半小时",
            "timing.contact.minutes, -5",
            "timing.contact.minutes, 10081",
            "timing.callback.workdays, 31",
            "timing.callback.workdays, 1.5",
            "timing.atrisk.percent, 91",
            "timing.atrisk.percent, 0",
            "timing.whistle.checkin.minutes, 99999999999",
            "alerts.sound, loud"})
    void aBadValueIsRefusedNamingTheSettingInBothLanguages(String key, String value) throws IOException {
        Path path = file(key + "=" + value + "\n");
        assertThatThrownBy(() -> new ConfigFile(path).load(Map.of()))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.key()).isEqualTo(key);
                    assertThat(e.value()).isEqualTo(value);
                    for (Language language : Language.values()) {
                        Messages m = Messages.of(language);
                        assertThat(m.get(e.reasonKey())).doesNotStartWith("!");
                        assertThat(m.get("error.config", e.key(), e.value(), m.get(e.reasonKey()))).contains(key, value);
                    }
                });
    }
}

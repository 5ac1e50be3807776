package org.griddesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.griddesk.security.AccountAdministration.PasswordPolicySettings;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {
    private final PasswordPolicy policy = new PasswordPolicy(PasswordPolicySettings.DEFAULT);
    private final PasswordHasher hasher = new PasswordHasher(PasswordHasher.Cost.TEST);

    private String refusal(String password, List<String> earlier) {
        return policy.refusal("wang", password.toCharArray(), earlier, hasher).orElse("ok");
    }

    @Test
    void eightCharactersOfThreeKindsAreNeeded() {
        assertThat(refusal("Ab1#xyz", List.of())).isEqualTo("password.tooShort");
        assertThat(refusal("abcdefgh", List.of())).isEqualTo("password.tooSimple");
        assertThat(refusal("abcdefg1", List.of())).isEqualTo("password.tooSimple");
        assertThat(refusal("abcdefG1", List.of())).isEqualTo("ok");
        assertThat(refusal("abcdef#1", List.of())).isEqualTo("ok");
        assertThat(refusal("网格指挥台abc1", List.of())).isEqualTo("ok"); // CJK counts as "other"
        assertThat(policy.refusal("Wang#2026", "wang#2026".toCharArray(), List.of(), hasher)).contains("password.isUsername");
        assertThat(policy.refusal("Wang#2026", "Wang#2026".toCharArray(), List.of(), hasher)).contains("password.isUsername");
    }

    @Test
    void onlyTheLastHistorySizePasswordsAreRefused() {
        List<String> earlier = List.of("Pass#0006", "Pass#0005", "Pass#0004", "Pass#0003", "Pass#0002", "Pass#0001").stream()
                .map(p -> hasher.hash(p.toCharArray())).toList();

        assertThat(refusal("Pass#0006", earlier)).isEqualTo("password.reused");
        assertThat(refusal("Pass#0002", earlier)).isEqualTo("password.reused");
        assertThat(refusal("Pass#0001", earlier)).isEqualTo("ok");
    }

    @Test
    void aPasswordExpiresOnItsNinetiethDayAndNeverWithExpiryZero() {
        Instant set = Instant.parse("2026-01-01T00:00:00Z");
        assertThat(policy.expired(set, set.plus(Duration.ofDays(90)).minusSeconds(1))).isFalse();
        assertThat(policy.expired(set, set.plus(Duration.ofDays(90)))).isTrue();
        assertThat(new PasswordPolicy(new PasswordPolicySettings(8, 0, 5, 5, 15, 15)).expired(set, set.plus(Duration.ofDays(9999))))
                .isFalse();
    }

    @Test
    void settingsBelowTheLevelThreeFloorsAreRefused() {
        assertThat(PasswordPolicy.settingsRefusal(PasswordPolicySettings.DEFAULT)).isEmpty();
        assertThat(PasswordPolicy.settingsRefusal(new PasswordPolicySettings(7, 90, 5, 5, 15, 15))).contains("policy.minLength");
        assertThat(PasswordPolicy.settingsRefusal(new PasswordPolicySettings(8, 90, 4, 5, 15, 15))).contains("policy.historySize");
        assertThat(PasswordPolicy.settingsRefusal(new PasswordPolicySettings(8, -1, 5, 5, 15, 15))).contains("policy.expiryDays");
        assertThat(PasswordPolicy.settingsRefusal(new PasswordPolicySettings(8, 90, 5, 0, 15, 15))).contains("policy.maxFailures");
        assertThat(PasswordPolicy.settingsRefusal(new PasswordPolicySettings(8, 90, 5, 5, 0, 15))).contains("policy.lockMinutes");
        assertThat(PasswordPolicy.settingsRefusal(new PasswordPolicySettings(8, 90, 5, 5, 15, 0))).contains("policy.idleLockMinutes");
    }
}

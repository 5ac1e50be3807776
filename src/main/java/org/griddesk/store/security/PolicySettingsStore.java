package org.griddesk.store.security;

import java.time.Clock;
import java.util.Optional;
import org.griddesk.security.AccountAdministration.PasswordPolicySettings;
import org.griddesk.store.SystemPropertyRepository;
import org.jooq.DSLContext;

/// The password and session policy, kept in `system_property` (`security.policy`, six numbers in
/// the order of [PasswordPolicySettings]); the defaults hold until a security administrator sets it.
final class PolicySettingsStore {
    static final String KEY = "security.policy";

    private PolicySettingsStore() {
    }

    static PasswordPolicySettings read(DSLContext dsl) {
        return new SystemPropertyRepository(dsl, Clock.systemUTC()).find(KEY).flatMap(p -> parse(p.value()))
                .orElse(PasswordPolicySettings.DEFAULT);
    }

    static void write(DSLContext dsl, Clock clock, PasswordPolicySettings s) {
        new SystemPropertyRepository(dsl, clock).put(KEY, format(s));
    }

    static String format(PasswordPolicySettings s) {
        return s.minLength() + "," + s.expiryDays() + "," + s.historySize() + "," + s.maxFailures() + "," + s.lockMinutes()
                + "," + s.idleLockMinutes();
    }

    private static Optional<PasswordPolicySettings> parse(String value) {
        String[] parts = value.split(",");
        if (parts.length != 6) {
            return Optional.empty();
        }
        try {
            int[] n = new int[6];
            for (int i = 0; i < 6; i++) {
                n[i] = Integer.parseInt(parts[i].strip());
            }
            return Optional.of(new PasswordPolicySettings(n[0], n[1], n[2], n[3], n[4], n[5]));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}

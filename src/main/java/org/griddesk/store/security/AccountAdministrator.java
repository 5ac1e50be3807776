package org.griddesk.store.security;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.griddesk.domain.org.Permission;
import org.griddesk.domain.org.Role;
import org.griddesk.security.AccountAdministration.AccountSummary;
import org.griddesk.security.AccountAdministration.NewAccount;
import org.griddesk.security.AccountAdministration.PasswordPolicySettings;
import org.griddesk.security.AccountRefused;
import org.griddesk.security.AuditAction;
import org.griddesk.security.AuditOutcome;
import org.griddesk.security.PasswordHasher;
import org.griddesk.security.PasswordPolicy;
import org.griddesk.security.RoleRules;
import org.griddesk.security.Session;
import org.griddesk.security.Totp;
import org.griddesk.security.Workstation;
import org.griddesk.store.security.AccountRepository.AccountRow;
import org.griddesk.store.security.AccountService.FirstAdministrator;
import org.griddesk.store.security.AccountService.MustChange;
import org.jooq.DSLContext;

/// What the system and security administrators do to accounts, for [AccountService]: each
/// operation first checks that the session is still good and holds the operation's permission,
/// then its rules; a refusal is audited and thrown, a change commits with its audit record.
final class AccountAdministrator {
    private static final String USERNAME = "[A-Za-z0-9][A-Za-z0-9._-]{1,49}";
    private static final SecureRandom RANDOM = new SecureRandom();
    /// how long an administrator's lock lasts: until someone lifts it
    static final java.time.Duration UNTIL_UNLOCKED = java.time.Duration.ofDays(100 * 365);

    private final DSLContext dsl;
    private final Clock clock;
    private final AccountAudit audit;
    private final PasswordHasher hasher;
    private final Predicate<Session> active;

    AccountAdministrator(DSLContext dsl, Clock clock, AccountAudit audit, PasswordHasher hasher, Predicate<Session> active) {
        this.dsl = dsl;
        this.clock = clock;
        this.audit = audit;
        this.hasher = hasher;
        this.active = active;
    }

    List<AccountSummary> list(Session by) {
        require(by, AuditAction.ACCOUNT_CHANGED, "list", Permission.ACCOUNT_MANAGE, Permission.ROLE_ASSIGN,
                Permission.ACCOUNT_UNLOCK, Permission.PASSWORD_RESET);
        return AccountRepository.all(dsl).stream().map(AccountAdministrator::summary).toList();
    }

    AccountSummary add(Session by, NewAccount account) {
        String name = account.username() == null ? "" : account.username().strip();
        require(by, AuditAction.ACCOUNT_CREATED, name, Permission.ACCOUNT_MANAGE);
        checkNewAccount(by, name, account.displayName(), account.unitId(), account.initialPassword());
        Instant now = clock.instant();
        AccountRow row = new AccountRow(UUID.randomUUID().toString(), name, account.displayName().strip(), account.unitId(), true,
                hasher.hash(account.initialPassword()), now, true, MustChange.FIRST_SIGN_IN, 0, null, null, null, false,
                Set.of());
        dsl.transaction(tx -> {
            AccountRepository.insert(tx.dsl(), row, now);
            audit.in(tx).by(by, AuditAction.ACCOUNT_CREATED, name, AuditOutcome.SUCCESS, "unit " + account.unitId());
        });
        return summary(row);
    }

    void setEnabled(Session by, String username, boolean enabled) {
        AuditAction action = enabled ? AuditAction.ACCOUNT_CHANGED : AuditAction.ACCOUNT_DISABLED;
        require(by, action, username, Permission.ACCOUNT_MANAGE);
        AccountRow target = other(by, action, username);
        dsl.transaction(tx -> {
            AccountRepository.setEnabled(tx.dsl(), target.id(), enabled);
            audit.in(tx).by(by, action, target.username(), AuditOutcome.SUCCESS, enabled ? "enabled" : "disabled");
        });
    }

    void setRoles(Session by, String username, Set<Role> roles) {
        require(by, AuditAction.ROLES_CHANGED, username, Permission.ROLE_ASSIGN);
        AccountRow target = other(by, AuditAction.ROLES_CHANGED, username);
        Optional<String> refusal = RoleRules.refusal(roles);
        if (refusal.isPresent()) {
            throw audit.refuse(by, AuditAction.ROLES_CHANGED, username, refusal.get());
        }
        Set<Role> next = EnumSet.copyOf(roles);
        dsl.transaction(tx -> {
            AccountRepository.setRoles(tx.dsl(), target.id(), next);
            audit.in(tx).by(by, AuditAction.ROLES_CHANGED, target.username(), AuditOutcome.SUCCESS, target.roles() + " -> " + next);
        });
    }

    void unlock(Session by, String username) {
        require(by, AuditAction.ACCOUNT_UNLOCKED, username, Permission.ACCOUNT_UNLOCK);
        AccountRow target = existing(by, AuditAction.ACCOUNT_UNLOCKED, username);
        dsl.transaction(tx -> {
            AccountRepository.clearFailures(tx.dsl(), target.id());
            audit.in(tx).by(by, AuditAction.ACCOUNT_UNLOCKED, target.username(), AuditOutcome.SUCCESS, "");
        });
    }

    /// Locks an account until a security administrator unlocks it (a suspected misuse); its sessions end.
    void lock(Session by, String username) {
        require(by, AuditAction.ACCOUNT_LOCKED_OUT, username, Permission.ACCOUNT_UNLOCK);
        AccountRow target = other(by, AuditAction.ACCOUNT_LOCKED_OUT, username);
        dsl.transaction(tx -> {
            AccountRepository.lock(tx.dsl(), target.id(), clock.instant().plus(UNTIL_UNLOCKED));
            audit.in(tx).by(by, AuditAction.ACCOUNT_LOCKED_OUT, target.username(), AuditOutcome.SUCCESS, "by administrator");
        });
    }

    String resetPassword(Session by, String username) {
        require(by, AuditAction.PASSWORD_RESET, username, Permission.PASSWORD_RESET);
        AccountRow target = other(by, AuditAction.PASSWORD_RESET, username);
        String temporary = temporaryPassword(PolicySettingsStore.read(dsl).minLength() + 4);
        String hash = hasher.hash(temporary.toCharArray());
        dsl.transaction(tx -> {
            AccountRepository.setPassword(tx.dsl(), target, hash, clock.instant(), MustChange.RESET);
            audit.in(tx).by(by, AuditAction.PASSWORD_RESET, target.username(), AuditOutcome.SUCCESS, "");
        });
        return temporary;
    }

    PasswordPolicySettings policy(Session by) {
        require(by, AuditAction.PASSWORD_POLICY_CHANGED, "policy", Permission.PASSWORD_POLICY_MANAGE);
        return PolicySettingsStore.read(dsl);
    }

    void setPolicy(Session by, PasswordPolicySettings policy) {
        require(by, AuditAction.PASSWORD_POLICY_CHANGED, "policy", Permission.PASSWORD_POLICY_MANAGE);
        Optional<String> refusal = PasswordPolicy.settingsRefusal(policy);
        if (refusal.isPresent()) {
            throw audit.refuse(by, AuditAction.PASSWORD_POLICY_CHANGED, "policy", refusal.get());
        }
        PasswordPolicySettings before = PolicySettingsStore.read(dsl);
        dsl.transaction(tx -> {
            PolicySettingsStore.write(tx.dsl(), clock, policy);
            audit.in(tx).by(by, AuditAction.PASSWORD_POLICY_CHANGED, "policy", AuditOutcome.SUCCESS,
                    PolicySettingsStore.format(before) + " -> " + PolicySettingsStore.format(policy));
        });
    }

    void enableSecondFactor(Session by, String secret, String code) {
        requireActive(by, AuditAction.SECOND_FACTOR_CHANGED, by.username());
        boolean valid;
        try {
            valid = secret != null && Totp.matches(secret, code, clock.instant());
        } catch (IllegalArgumentException notBase32) {
            valid = false;
        }
        if (!valid) {
            throw audit.refuse(by, AuditAction.SECOND_FACTOR_CHANGED, by.username(), "totp.wrongCode");
        }
        dsl.transaction(tx -> {
            AccountRepository.setTotpSecret(tx.dsl(), by.accountId(), secret);
            audit.in(tx).by(by, AuditAction.SECOND_FACTOR_CHANGED, by.username(), AuditOutcome.SUCCESS, "enabled");
        });
    }

    void disableSecondFactor(Session by, String username, String code) {
        boolean own = by.username().equals(username);
        if (own) {
            requireActive(by, AuditAction.SECOND_FACTOR_CHANGED, username);
        } else {
            require(by, AuditAction.SECOND_FACTOR_CHANGED, username, Permission.PASSWORD_RESET);
        }
        AccountRow target = existing(by, AuditAction.SECOND_FACTOR_CHANGED, username);
        if (own && (target.totpSecret() == null || !Totp.matches(target.totpSecret(), code, clock.instant()))) {
            throw audit.refuse(by, AuditAction.SECOND_FACTOR_CHANGED, username, "totp.wrongCode");
        }
        dsl.transaction(tx -> {
            AccountRepository.setTotpSecret(tx.dsl(), target.id(), null);
            audit.in(tx).by(by, AuditAction.SECOND_FACTOR_CHANGED, username, AuditOutcome.SUCCESS, "disabled");
        });
    }

    List<AccountSummary> initialise(List<FirstAdministrator> administrators, Workstation from, boolean alreadyDone) {
        String actor = "users init";
        Optional<String> refusal = alreadyDone ? Optional.of("init.alreadyDone") : firstAdministratorsRefusal(administrators);
        if (refusal.isPresent()) {
            audit.as("-", actor, from, AuditAction.ACCOUNT_CREATED, "administrators", AuditOutcome.REFUSED, refusal.get());
            throw new AccountRefused(refusal.get(), PolicySettingsStore.read(dsl).minLength());
        }
        Instant now = clock.instant();
        List<AccountRow> rows = new ArrayList<>();
        for (FirstAdministrator a : administrators) {
            rows.add(new AccountRow(UUID.randomUUID().toString(), a.username().strip(), a.displayName().strip(), a.unitId(), true,
                    hasher.hash(a.password()), now, false, null, 0, null, null, null, false, EnumSet.of(a.role())));
        }
        dsl.transaction(tx -> {
            for (AccountRow row : rows) {
                AccountRepository.insert(tx.dsl(), row, now);
                audit.in(tx).as("-", actor, from, AuditAction.ACCOUNT_CREATED, row.username(), AuditOutcome.SUCCESS, "unit " + row.unitId());
                audit.in(tx).as("-", actor, from, AuditAction.ROLES_CHANGED, row.username(), AuditOutcome.SUCCESS, "[] -> " + row.roles());
            }
        });
        return rows.stream().map(AccountAdministrator::summary).toList();
    }

    private Optional<String> firstAdministratorsRefusal(List<FirstAdministrator> administrators) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Set<String> names = new HashSet<>();
        PasswordPolicy policy = new PasswordPolicy(PolicySettingsStore.read(dsl));
        for (FirstAdministrator a : administrators) {
            roles.add(a.role());
            Optional<String> refusal = accountRefusal(a.username(), a.displayName(), a.unitId(), a.password(), policy);
            if (refusal.isPresent()) {
                return refusal;
            }
            if (!names.add(a.username().strip())) {
                return Optional.of("account.exists");
            }
        }
        return administrators.size() == 3 && roles.equals(Role.ADMINISTRATORS) ? Optional.empty()
                : Optional.of("init.threeAdministrators");
    }

    private void checkNewAccount(Session by, String name, String displayName, String unitId, char[] password) {
        Optional<String> refusal = accountRefusal(name, displayName, unitId, password,
                new PasswordPolicy(PolicySettingsStore.read(dsl)));
        if (refusal.isPresent()) {
            throw audit.refuse(by, AuditAction.ACCOUNT_CREATED, name, refusal.get(), PolicySettingsStore.read(dsl).minLength());
        }
    }

    /// A name as people type it: no control characters (line breaks, tabs), no character the input
    /// could not decode (U+FFFD: bytes in another encoding than the terminal's), and not starting
    /// like a spreadsheet formula (`=`, `+`, `-`, `@`), since lists and exports go to Excel.
    private static boolean printable(String name) {
        String shown = name.strip();
        return shown.codePoints().noneMatch(c -> Character.isISOControl(c) || c == 0xFFFD)
                && "=+-@".indexOf(shown.charAt(0)) < 0;
    }

    private Optional<String> accountRefusal(String username, String displayName, String unitId, char[] password, PasswordPolicy policy) {
        String name = username == null ? "" : username.strip();
        if (!name.matches(USERNAME)) {
            return Optional.of("account.badUsername");
        }
        if (displayName == null || displayName.isBlank() || displayName.strip().length() > 100 || !printable(displayName)) {
            return Optional.of("account.badDisplayName");
        }
        if (AccountRepository.byUsername(dsl, name).isPresent()) {
            return Optional.of("account.exists");
        }
        if (unitId == null || unitId.isBlank() || (AccountRepository.hasOrganisation(dsl) && !AccountRepository.unitExists(dsl, unitId))) {
            return Optional.of("account.unknownUnit");
        }
        return policy.refusal(name, password, List.of(), hasher);
    }

    /// The session is still good and holds one of `permissions`; otherwise the attempt is audited and refused.
    private void require(Session by, AuditAction action, String target, Permission... permissions) {
        audit.require(by, active, action, target, permissions);
    }

    private void requireActive(Session by, AuditAction action, String target) {
        if (!active.test(by)) {
            throw audit.refuse(by, action, target, "session.ended");
        }
    }

    private AccountRow existing(Session by, AuditAction action, String username) {
        return AccountRepository.byUsername(dsl, username == null ? "" : username.strip())
                .orElseThrow(() -> audit.refuse(by, action, username, "account.unknown", username));
    }

    /// An account other than the administrator's own: nobody changes their own roles, state or password this way.
    private AccountRow other(Session by, AuditAction action, String username) {
        AccountRow target = existing(by, action, username);
        if (target.id().equals(by.accountId())) {
            throw audit.refuse(by, action, username, "admin.self");
        }
        return target;
    }

    /// A random password that meets the policy: letters of both cases, digits and signs, no look-alikes.
    static String temporaryPassword(int length) {
        String[] kinds = {"ABCDEFGHJKLMNPQRSTUVWXYZ", "abcdefghijkmnpqrstuvwxyz", "23456789", "@#%+=!"};
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            String kind = kinds[i < kinds.length ? i : RANDOM.nextInt(kinds.length)];
            out[i] = kind.charAt(RANDOM.nextInt(kind.length()));
        }
        for (int i = length - 1; i > 0; i--) {
            int j = RANDOM.nextInt(i + 1);
            char c = out[i];
            out[i] = out[j];
            out[j] = c;
        }
        return new String(out);
    }

    static AccountSummary summary(AccountRow a) {
        return new AccountSummary(a.id(), a.username(), a.displayName(), a.unitId(), a.roles(), a.enabled(), a.lockedUntil(),
                a.passwordChangedAt(), a.lastSignInAt(), a.totpSecret() != null);
    }
}

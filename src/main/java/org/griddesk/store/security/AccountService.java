package org.griddesk.store.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.griddesk.domain.org.Role;
import org.griddesk.security.AccountAdministration;
import org.griddesk.security.Accounts;
import org.griddesk.security.AlarmKindAdministration;
import org.griddesk.security.AuditAction;
import org.griddesk.security.AuditOutcome;
import org.griddesk.security.AuditSink;
import org.griddesk.security.PasswordHasher;
import org.griddesk.security.PasswordPolicy;
import org.griddesk.security.Session;
import org.griddesk.security.SignInResult;
import org.griddesk.security.SignInResult.PasswordChangeRequired;
import org.griddesk.security.SignInResult.Refused;
import org.griddesk.security.SignInResult.SecondFactorRequired;
import org.griddesk.security.SignInResult.SignedIn;
import org.griddesk.security.Totp;
import org.griddesk.security.Workstation;
import org.griddesk.store.security.AccountRepository.AccountRow;
import org.jooq.DSLContext;

/// Accounts in the store: sign-in with lockout, password changes with policy and history, the idle
/// desk's unlock, sign-out, and (through [AccountAdministrator]) what the administrators do. Every
/// attempt is audited through the [AuditSink]; a change and its audit record commit together.
///
/// Unknown names and wrong passwords are refused with the same key after the same work: an unknown
/// name is checked against a dummy hash made with today's parameters.
public final class AccountService implements Accounts, AccountAdministration, AlarmKindAdministration {
    /// The password of every demo account (演示库 only; a real store never has them).
    public static final String DEMO_PASSWORD = "Demo@2026";
    static final String REFUSED = "signIn.refused";

    private final DSLContext dsl;
    private final Clock clock;
    private final PasswordHasher hasher;
    private final AccountAudit audit;
    private final String dummyHash;
    private final AccountAdministrator administrator;
    private final AlarmKindAdministrator alarmKinds;

    public AccountService(DSLContext dsl, Clock clock, AuditSink audit) {
        this(dsl, clock, audit, new PasswordHasher());
    }

    public AccountService(DSLContext dsl, Clock clock, AuditSink audit, PasswordHasher hasher) {
        this.dsl = dsl;
        this.clock = clock;
        this.hasher = hasher;
        this.audit = new AccountAudit(audit, clock);
        this.dummyHash = hasher.hash("no such account: a dummy to spend the same time".toCharArray());
        this.administrator = new AccountAdministrator(dsl, clock, this.audit, hasher, this::isActive);
        this.alarmKinds = new AlarmKindAdministrator(dsl, clock, this.audit, this::isActive);
    }

    // Signing in

    @Override
    public SignInResult signIn(String username, char[] password, String secondFactor, Workstation from) {
        Checked checked = check(username, password, secondFactor, from, false);
        if (checked.result() != null) {
            return checked.result();
        }
        AccountRow account = checked.account();
        if (account.mustChangePassword()) {
            return new PasswordChangeRequired(account.username(), reasonKey(account.mustChangeReason()));
        }
        if (new PasswordPolicy(settings()).expired(account.passwordChangedAt(), clock.instant())) {
            return new PasswordChangeRequired(account.username(), "password.mustChange.expired");
        }
        return signedIn(account, password, from);
    }

    @Override
    public SignInResult changePassword(String username, char[] oldPassword, char[] newPassword, String secondFactor,
                                       Workstation from) {
        Checked checked = check(username, oldPassword, secondFactor, from, true);
        if (checked.result() != null) {
            return checked.result();
        }
        AccountRow account = checked.account();
        PasswordPolicy policy = new PasswordPolicy(settings());
        List<String> recent = AccountRepository.recentHashes(dsl, account, settings().historySize());
        Optional<String> refusal = policy.refusal(account.username(), newPassword, recent, hasher);
        if (refusal.isPresent()) {
            audit.as(account.id(), account.username(), from, AuditAction.PASSWORD_CHANGED, account.username(), AuditOutcome.REFUSED,
                    refusal.get());
            return new Refused(refusal.get(), settings().minLength(), settings().historySize());
        }
        String hash = hasher.hash(newPassword);
        dsl.transaction(tx -> {
            AccountRepository.setPassword(tx.dsl(), account, hash, clock.instant(), null);
            audit.in(tx).as(account.id(), account.username(), from, AuditAction.PASSWORD_CHANGED, account.username(), AuditOutcome.SUCCESS,
                    account.mustChangePassword() ? account.mustChangeReason() : "");
        });
        return signedIn(AccountRepository.byId(dsl, account.id()).orElseThrow(), null, from);
    }

    @Override
    public boolean unlock(Session session, char[] password) {
        Optional<AccountRow> found = AccountRepository.byId(dsl, session.accountId());
        if (found.isEmpty() || !isActive(session)) {
            hasher.verify(password, dummyHash);
            audit.by(session, AuditAction.DESK_UNLOCKED, session.username(), AuditOutcome.REFUSED, "session.ended");
            signOut(session); // the session cannot go on: it ends here, once
            return false;
        }
        AccountRow account = found.get();
        if (hasher.verify(password, account.passwordHash())) {
            dsl.transaction(tx -> {
                AccountRepository.clearFailures(tx.dsl(), account.id());
                audit.in(tx).by(session, AuditAction.DESK_UNLOCKED, account.username(), AuditOutcome.SUCCESS, "");
            });
            return true;
        }
        boolean lockedOut = recordFailure(account, session.from(), AuditAction.DESK_UNLOCKED);
        if (lockedOut) {
            signOut(session);
        }
        return false;
    }

    @Override
    public void signOut(Session session) {
        audit.by(session, AuditAction.SIGN_OUT, session.username(), AuditOutcome.SUCCESS, "");
    }

    /// Whether a session may go on: its account still enabled, not locked, with the same roles.
    /// The desk asks this when it wakes, and services may ask it before an administrative change.
    public boolean isActive(Session session) {
        return AccountRepository.active(dsl, session, clock.instant());
    }

    /// The password and session policy in force; any desk reads it (the idle lock's minutes).
    public PasswordPolicySettings settings() {
        return PolicySettingsStore.read(dsl);
    }

    @Override
    public List<DemoAccount> demoAccounts() {
        if (!DemoStore.is(dsl)) {
            return List.of();
        }
        return AccountRepository.all(dsl).stream()
                .filter(a -> a.demo() && a.enabled() && !a.roles().isEmpty() && !a.roles().equals(Set.of(Role.GRID_WORKER)))
                .map(a -> new DemoAccount(a.username(), a.displayName(), DemoStore.unitName(dsl, a.unitId()),
                        "role." + DemoStore.mainRole(a.roles()).name(), DEMO_PASSWORD))
                .toList();
    }

    /// What an account's own password and second factor let through before the rest of sign-in:
    /// either the account (password right, code right or not needed) or the result to answer with.
    private record Checked(AccountRow account, SignInResult result) {
    }

    private Checked check(String username, char[] password, String secondFactor, Workstation from, boolean changing) {
        String name = username == null ? "" : username.strip();
        Optional<AccountRow> found = name.isEmpty() ? Optional.empty() : AccountRepository.byUsername(dsl, name);
        AuditAction failed = changing ? AuditAction.PASSWORD_CHANGED : AuditAction.SIGN_IN_FAILED;
        if (found.isEmpty()) {
            hasher.verify(password == null ? new char[0] : password, dummyHash);
            audit.as(name.isEmpty() ? "-" : name, name, from, failed, name, AuditOutcome.REFUSED, "signIn.unknownUser");
            return refused(REFUSED);
        }
        AccountRow account = found.get();
        Instant now = clock.instant();
        boolean right = hasher.verify(password == null ? new char[0] : password, account.passwordHash());
        if (account.lockedAt(now)) {
            audit.as(account.id(), account.username(), from, failed, account.username(), AuditOutcome.REFUSED,
                    right ? "signIn.locked" : "signIn.locked wrongPassword");
            if (!right) {
                // only someone who knows the password learns that the account exists and is locked
                return refused(REFUSED);
            }
            if (Duration.between(now, account.lockedUntil()).compareTo(Duration.ofDays(365)) > 0) {
                return refused("signIn.lockedByAdministrator");
            }
            return refused("signIn.locked", minutesLeft(account.lockedUntil(), now));
        }
        if (!right) {
            // the failure that locks the account answers like any other (the audit has the lockout):
            // a wrong guess never tells whether the name exists
            recordFailure(account, from, failed);
            return refused(REFUSED);
        }
        if (!account.enabled()) {
            audit.as(account.id(), account.username(), from, failed, account.username(), AuditOutcome.REFUSED, "signIn.disabled");
            return refused("signIn.disabled");
        }
        if (account.roles().isEmpty()) {
            audit.as(account.id(), account.username(), from, failed, account.username(), AuditOutcome.REFUSED, "signIn.noRoles");
            return refused("signIn.noRoles");
        }
        if (account.roles().equals(Set.of(Role.GRID_WORKER))) {
            // grid workers report from the app with their personal token; they have no desk
            audit.as(account.id(), account.username(), from, failed, account.username(), AuditOutcome.REFUSED, "signIn.apiOnly");
            return refused("signIn.apiOnly");
        }
        if (account.totpSecret() != null) {
            if (secondFactor == null || secondFactor.isBlank()) {
                return new Checked(null, new SecondFactorRequired(account.username()));
            }
            if (!Totp.matches(account.totpSecret(), secondFactor, now)) {
                boolean lockedOut = recordFailure(account, from, failed);
                return lockedOut ? refused("signIn.lockedNow", settings().lockMinutes()) : refused("signIn.secondFactorWrong");
            }
        }
        return new Checked(account, null);
    }

    private static Checked refused(String key, Object... args) {
        return new Checked(null, new Refused(key, args));
    }

    /// Counts a failure and locks the account when it is the policy's last; true when it locked.
    private boolean recordFailure(AccountRow account, Workstation from, AuditAction action) {
        PasswordPolicySettings policy = settings();
        Instant now = clock.instant();
        return dsl.transactionResult(tx -> {
            int failures = AccountRepository.countFailure(tx.dsl(), account.id());
            boolean lockOut = failures >= policy.maxFailures();
            if (lockOut) {
                AccountRepository.lock(tx.dsl(), account.id(), now.plus(Duration.ofMinutes(policy.lockMinutes())));
            }
            audit.in(tx).as(account.id(), account.username(), from, action, account.username(), AuditOutcome.REFUSED,
                    "signIn.wrongPassword" + " " + failures + "/" + policy.maxFailures());
            if (lockOut) {
                audit.in(tx).as(account.id(), account.username(), from, AuditAction.ACCOUNT_LOCKED_OUT, account.username(),
                        AuditOutcome.SUCCESS, policy.lockMinutes() + " min");
            }
            return lockOut;
        });
    }

    private SignInResult signedIn(AccountRow account, char[] password, Workstation from) {
        Instant now = clock.instant();
        String rehash = password != null && hasher.outdated(account.passwordHash()) ? hasher.hash(password) : null;
        dsl.transaction(tx -> {
            AccountRepository.recordSignIn(tx.dsl(), account.id(), now);
            if (rehash != null) {
                AccountRepository.rehash(tx.dsl(), account.id(), rehash);
            }
            audit.in(tx).as(account.id(), account.username(), from, AuditAction.SIGN_IN, account.username(), AuditOutcome.SUCCESS, "");
        });
        return new SignedIn(new Session(account.id(), account.username(), account.displayName(), account.unitId(),
                account.roles(), now, from == null ? new Workstation(null, null) : from));
    }

    private static long minutesLeft(Instant until, Instant now) {
        return Math.max(1, (Duration.between(now, until).toSeconds() + 59) / 60);
    }

    private static String reasonKey(String reason) {
        return "password.mustChange." + (reason == null ? MustChange.FIRST_SIGN_IN : reason);
    }

    /// Why a password must be changed before anything else (the dialog's key: `password.mustChange.<reason>`).
    static final class MustChange {
        static final String FIRST_SIGN_IN = "firstSignIn";
        static final String RESET = "reset";

        private MustChange() {
        }
    }

    // Second factor

    /// Turns on TOTP for the session's own account once `code` proves the app holds `secret`
    /// ([Totp#newSecret]); refused with `totp.wrongCode` otherwise.
    public void enableSecondFactor(Session by, String secret, String code) {
        administrator.enableSecondFactor(by, secret, code);
    }

    /// Turns TOTP off: the account's own (with a current code) or, for a lost phone, another's by a
    /// security administrator (code null).
    public void disableSecondFactor(Session by, String username, String code) {
        administrator.disableSecondFactor(by, username, code);
    }

    // Administration (AccountAdministrator checks each operation's permission first)

    /// Whether the store has any of the three administrators (a real store needs `users init` until it has).
    public boolean hasAdministrators() {
        return AccountRepository.anyHolding(dsl, Role.ADMINISTRATORS);
    }

    /// The first system, security and audit administrators of a new store (`griddesk users init`);
    /// refused with `init.alreadyDone` once the store has an administrator.
    public List<AccountSummary> initialise(List<FirstAdministrator> administrators, Workstation from) {
        return administrator.initialise(administrators, from, hasAdministrators());
    }

    /// One of the first administrators: their own password, chosen at `users init` (no forced change).
    public record FirstAdministrator(String username, String displayName, String unitId, Role role, char[] password) {
    }

    @Override
    public List<AccountSummary> list(Session by) {
        return administrator.list(by);
    }

    /// A random initial password that meets the policy in force (to be changed at first sign-in).
    public String newInitialPassword() {
        return AccountAdministrator.temporaryPassword(settings().minLength() + 4);
    }

    @Override
    public AccountSummary add(Session by, NewAccount account) {
        return administrator.add(by, account);
    }

    @Override
    public void setEnabled(Session by, String username, boolean enabled) {
        administrator.setEnabled(by, username, enabled);
    }

    @Override
    public void setRoles(Session by, String username, Set<Role> roles) {
        administrator.setRoles(by, username, roles);
    }

    @Override
    public void unlock(Session by, String username) {
        administrator.unlock(by, username);
    }

    /// Locks an account until it is unlocked (security administrator): it cannot sign in, its sessions end.
    public void lock(Session by, String username) {
        administrator.lock(by, username);
    }

    @Override
    public String resetPassword(Session by, String username) {
        return administrator.resetPassword(by, username);
    }

    @Override
    public PasswordPolicySettings policy(Session by) {
        return administrator.policy(by);
    }

    @Override
    public void setPolicy(Session by, PasswordPolicySettings policy) {
        administrator.setPolicy(by, policy);
    }

    /// The district's base data as the system administrator keeps it (organisation, grid workers,
    /// cameras, catalogue), with this service's audit and its check that a session is still good.
    public DistrictAdministrationService districtAdministration() {
        return new DistrictAdministrationService(dsl, clock, audit, this::isActive);
    }

    // The alarm-kind table (system administrator)

    @Override
    public List<AlarmKind> alarmKinds(Session by) {
        return alarmKinds.list(by);
    }

    @Override
    public List<ItemChoice> alarmKindItems(Session by) {
        return alarmKinds.items(by);
    }

    @Override
    public void mapAlarmKind(Session by, String kind, String itemCode) {
        alarmKinds.map(by, kind, itemCode);
    }

    @Override
    public void unmapAlarmKind(Session by, String kind) {
        alarmKinds.unmap(by, kind);
    }
}

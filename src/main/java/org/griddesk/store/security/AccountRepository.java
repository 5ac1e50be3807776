package org.griddesk.store.security;

import static org.griddesk.store.jooq.Tables.ACCOUNT;
import static org.griddesk.store.jooq.Tables.ACCOUNT_ROLE;
import static org.griddesk.store.jooq.Tables.ORG_UNIT;
import static org.griddesk.store.jooq.Tables.PASSWORD_HISTORY;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.griddesk.domain.org.Role;
import org.griddesk.store.jooq.tables.records.AccountRecord;
import org.jooq.DSLContext;

/// The rows of accounts, their roles and their earlier passwords. No rules here: [AccountService]
/// decides, this class reads and writes (inside the caller's transaction when given its context).
final class AccountRepository {
    /// One account as stored (its password hash included: it never leaves the store package).
    record AccountRow(String id, String username, String displayName, String unitId, boolean enabled, String passwordHash,
                      Instant passwordChangedAt, boolean mustChangePassword, String mustChangeReason, int failedCount,
                      Instant lockedUntil, Instant lastSignInAt, String totpSecret, boolean demo, Set<Role> roles) {
        boolean lockedAt(Instant now) {
            return lockedUntil != null && now.isBefore(lockedUntil);
        }
    }

    private AccountRepository() {
    }

    static Optional<AccountRow> byUsername(DSLContext dsl, String username) {
        return dsl.selectFrom(ACCOUNT).where(ACCOUNT.USERNAME.eq(username)).fetchOptional()
                .map(r -> row(r, roles(dsl, r.getId())));
    }

    static Optional<AccountRow> byId(DSLContext dsl, String id) {
        return dsl.selectFrom(ACCOUNT).where(ACCOUNT.ID.eq(id)).fetchOptional().map(r -> row(r, roles(dsl, r.getId())));
    }

    /// Whether a session may go on: its account still enabled, not locked, with the same roles.
    static boolean active(DSLContext dsl, org.griddesk.security.Session session, Instant now) {
        return byId(dsl, session.accountId()).filter(a -> a.enabled() && !a.lockedAt(now) && a.roles().equals(session.roles()))
                .isPresent();
    }

    static List<AccountRow> all(DSLContext dsl) {
        Map<String, Set<Role>> roles = dsl.selectFrom(ACCOUNT_ROLE).fetchGroups(ACCOUNT_ROLE.ACCOUNT_ID).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> toRoles(e.getValue().map(r -> r.getRole()))));
        return dsl.selectFrom(ACCOUNT).orderBy(ACCOUNT.USERNAME)
                .fetch(r -> row(r, roles.getOrDefault(r.getId(), Set.of())));
    }

    static boolean anyHolding(DSLContext dsl, Set<Role> roles) {
        return dsl.fetchExists(ACCOUNT_ROLE, ACCOUNT_ROLE.ROLE.in(roles.stream().map(Role::name).toList()));
    }

    static boolean unitExists(DSLContext dsl, String unitId) {
        return dsl.fetchExists(ORG_UNIT, ORG_UNIT.ID.eq(unitId));
    }

    static boolean hasOrganisation(DSLContext dsl) {
        return dsl.fetchExists(ORG_UNIT);
    }

    static void insert(DSLContext dsl, AccountRow a, Instant now) {
        dsl.insertInto(ACCOUNT).set(ACCOUNT.ID, a.id()).set(ACCOUNT.USERNAME, a.username())
                .set(ACCOUNT.DISPLAY_NAME, a.displayName()).set(ACCOUNT.UNIT_ID, a.unitId()).set(ACCOUNT.ENABLED, a.enabled())
                .set(ACCOUNT.PASSWORD_HASH, a.passwordHash()).set(ACCOUNT.PASSWORD_CHANGED_AT, utc(a.passwordChangedAt()))
                .set(ACCOUNT.MUST_CHANGE_PASSWORD, a.mustChangePassword()).set(ACCOUNT.MUST_CHANGE_REASON, a.mustChangeReason())
                .set(ACCOUNT.FAILED_COUNT, 0).set(ACCOUNT.DEMO, a.demo()).set(ACCOUNT.CREATED_AT, utc(now)).execute();
        setRoles(dsl, a.id(), a.roles());
    }

    static void setRoles(DSLContext dsl, String accountId, Set<Role> roles) {
        dsl.deleteFrom(ACCOUNT_ROLE).where(ACCOUNT_ROLE.ACCOUNT_ID.eq(accountId)).execute();
        for (Role role : roles) {
            dsl.insertInto(ACCOUNT_ROLE).set(ACCOUNT_ROLE.ACCOUNT_ID, accountId).set(ACCOUNT_ROLE.ROLE, role.name()).execute();
        }
    }

    static void setEnabled(DSLContext dsl, String accountId, boolean enabled) {
        dsl.update(ACCOUNT).set(ACCOUNT.ENABLED, enabled).where(ACCOUNT.ID.eq(accountId)).execute();
    }

    /// Counts a failed sign-in in the row itself (failures sent at once all count: the update locks
    /// the row until its transaction ends) and returns the count now.
    static int countFailure(DSLContext dsl, String accountId) {
        dsl.update(ACCOUNT).set(ACCOUNT.FAILED_COUNT, ACCOUNT.FAILED_COUNT.plus(1)).where(ACCOUNT.ID.eq(accountId)).execute();
        return dsl.select(ACCOUNT.FAILED_COUNT).from(ACCOUNT).where(ACCOUNT.ID.eq(accountId)).fetchOne(r -> r.value1());
    }

    /// Locks the account until `until`; the count of failures starts again.
    static void lock(DSLContext dsl, String accountId, Instant until) {
        dsl.update(ACCOUNT).set(ACCOUNT.FAILED_COUNT, 0).set(ACCOUNT.LOCKED_UNTIL, utc(until)).where(ACCOUNT.ID.eq(accountId)).execute();
    }

    static void recordSignIn(DSLContext dsl, String accountId, Instant at) {
        dsl.update(ACCOUNT).set(ACCOUNT.FAILED_COUNT, 0).setNull(ACCOUNT.LOCKED_UNTIL).set(ACCOUNT.LAST_SIGN_IN_AT, utc(at))
                .where(ACCOUNT.ID.eq(accountId)).execute();
    }

    static void clearFailures(DSLContext dsl, String accountId) {
        dsl.update(ACCOUNT).set(ACCOUNT.FAILED_COUNT, 0).setNull(ACCOUNT.LOCKED_UNTIL).where(ACCOUNT.ID.eq(accountId)).execute();
    }

    /// A new password: the one it replaces goes into the history.
    static void setPassword(DSLContext dsl, AccountRow a, String newHash, Instant at, String mustChangeReason) {
        dsl.insertInto(PASSWORD_HISTORY).set(PASSWORD_HISTORY.ACCOUNT_ID, a.id()).set(PASSWORD_HISTORY.PASSWORD_HASH, a.passwordHash())
                .set(PASSWORD_HISTORY.CHANGED_AT, utc(a.passwordChangedAt())).execute();
        dsl.update(ACCOUNT).set(ACCOUNT.PASSWORD_HASH, newHash).set(ACCOUNT.PASSWORD_CHANGED_AT, utc(at))
                .set(ACCOUNT.MUST_CHANGE_PASSWORD, mustChangeReason != null).set(ACCOUNT.MUST_CHANGE_REASON, mustChangeReason)
                .where(ACCOUNT.ID.eq(a.id())).execute();
    }

    /// The same password under a fresh hash (today's parameters); not a change, not in the history.
    static void rehash(DSLContext dsl, String accountId, String newHash) {
        dsl.update(ACCOUNT).set(ACCOUNT.PASSWORD_HASH, newHash).where(ACCOUNT.ID.eq(accountId)).execute();
    }

    static void setTotpSecret(DSLContext dsl, String accountId, String secret) {
        dsl.update(ACCOUNT).set(ACCOUNT.TOTP_SECRET, secret).where(ACCOUNT.ID.eq(accountId)).execute();
    }

    /// The current hash and the earlier ones, newest first, at most `count`.
    static List<String> recentHashes(DSLContext dsl, AccountRow a, int count) {
        List<String> hashes = new ArrayList<>();
        hashes.add(a.passwordHash());
        hashes.addAll(dsl.select(PASSWORD_HISTORY.PASSWORD_HASH).from(PASSWORD_HISTORY)
                .where(PASSWORD_HISTORY.ACCOUNT_ID.eq(a.id())).orderBy(PASSWORD_HISTORY.CHANGED_AT.desc(), PASSWORD_HISTORY.ID.desc())
                .limit(Math.max(0, count - 1)).fetch(r -> r.value1()));
        return hashes;
    }

    private static AccountRow row(AccountRecord r, Set<Role> roles) {
        return new AccountRow(r.getId(), r.getUsername(), r.getDisplayName(), r.getUnitId(), r.getEnabled(), r.getPasswordHash(),
                r.getPasswordChangedAt().toInstant(), r.getMustChangePassword(), r.getMustChangeReason(), r.getFailedCount(),
                instant(r.getLockedUntil()), instant(r.getLastSignInAt()), r.getTotpSecret(), r.getDemo(), roles);
    }

    private static Set<Role> roles(DSLContext dsl, String accountId) {
        return toRoles(dsl.select(ACCOUNT_ROLE.ROLE).from(ACCOUNT_ROLE).where(ACCOUNT_ROLE.ACCOUNT_ID.eq(accountId)).fetch(r -> r.value1()));
    }

    private static Set<Role> toRoles(List<String> names) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        names.forEach(n -> roles.add(Role.valueOf(n)));
        return roles;
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }

    static OffsetDateTime utc(Instant t) {
        return t == null ? null : OffsetDateTime.ofInstant(t, ZoneOffset.UTC);
    }
}

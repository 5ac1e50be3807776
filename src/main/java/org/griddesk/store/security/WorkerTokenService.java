package org.griddesk.store.security;

import static org.griddesk.store.jooq.Tables.ACCOUNT;
import static org.griddesk.store.jooq.Tables.GRID_WORKER;
import static org.griddesk.store.jooq.Tables.WORKER_ACCOUNT;
import static org.griddesk.store.jooq.Tables.WORKER_TOKEN;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.griddesk.domain.org.Permission;
import org.griddesk.domain.org.Role;
import org.griddesk.security.AuditAction;
import org.griddesk.security.AuditOutcome;
import org.griddesk.security.AuditSink;
import org.griddesk.security.Session;
import org.griddesk.security.WorkerTokens;
import org.griddesk.security.Workstation;
import org.griddesk.store.security.AccountRepository.AccountRow;
import org.jooq.DSLContext;

/// Grid workers' personal tokens: issued by a system administrator to an account with the
/// [Role#GRID_WORKER] role, valid for some days, revocable; the gateway asks [#worker] who sent a
/// report. Issuing and revoking are audited, refusals too.
public final class WorkerTokenService {
    public static final int MAX_DAYS = 365;

    /// A token as stored (never the token itself).
    public record WorkerToken(long id, String username, String label, Instant issuedAt, Instant expiresAt, Instant revokedAt) {
        public boolean activeAt(Instant now) {
            return revokedAt == null && now.isBefore(expiresAt);
        }
    }

    /// A token just issued: `token` is shown once and never again.
    public record IssuedToken(long id, String username, String token, Instant expiresAt) {
    }

    /// The account a valid token belongs to, as the gateway records it.
    public record Worker(String accountId, String username, String displayName, String unitId) {
    }

    private final DSLContext dsl;
    private final Clock clock;
    private final AccountAudit audit;

    public WorkerTokenService(DSLContext dsl, Clock clock, AuditSink audit) {
        this.dsl = dsl;
        this.clock = clock;
        this.audit = new AccountAudit(audit, clock);
    }

    public IssuedToken issue(Session by, String username, String label, int days) {
        require(by, AuditAction.WORKER_TOKEN_ISSUED, username);
        Optional<AccountRow> account = AccountRepository.byUsername(dsl, username == null ? "" : username.strip());
        if (account.isEmpty() || !account.get().roles().contains(Role.GRID_WORKER)) {
            throw audit.refuse(by, AuditAction.WORKER_TOKEN_ISSUED, username, "token.notWorker");
        }
        if (days < 1 || days > MAX_DAYS) {
            throw audit.refuse(by, AuditAction.WORKER_TOKEN_ISSUED, username, "token.badDays");
        }
        String token = WorkerTokens.newToken();
        Instant now = clock.instant();
        Instant expires = now.plus(Duration.ofDays(days));
        String text = label == null || label.isBlank() ? "-" : label.strip();
        long id = dsl.transactionResult(tx -> {
            long made = tx.dsl().insertInto(WORKER_TOKEN).set(WORKER_TOKEN.ACCOUNT_ID, account.get().id())
                    .set(WORKER_TOKEN.LABEL, text.length() > 100 ? text.substring(0, 100) : text)
                    .set(WORKER_TOKEN.TOKEN_DIGEST, WorkerTokens.digest(token)).set(WORKER_TOKEN.ISSUED_AT, AccountRepository.utc(now))
                    .set(WORKER_TOKEN.EXPIRES_AT, AccountRepository.utc(expires)).returning(WORKER_TOKEN.ID).fetchOne().getId();
            audit.in(tx).by(by, AuditAction.WORKER_TOKEN_ISSUED, username, AuditOutcome.SUCCESS, "token " + made + ", " + days + " days");
            return made;
        });
        return new IssuedToken(id, account.get().username(), token, expires);
    }

    /// Links the account `username` (a grid worker's) to the person `workerId` in a grid's post, so
    /// that the workers' app knows the worker's grid; replaces an earlier link. Returns the grid.
    /// Refused, audited, for an account without the grid worker role or a worker in no grid's post.
    public String linkPost(Session by, String username, String workerId) {
        require(by, AuditAction.WORKER_POST_LINKED, username);
        Optional<AccountRow> account = AccountRepository.byUsername(dsl, username == null ? "" : username.strip());
        if (account.isEmpty() || !account.get().roles().contains(Role.GRID_WORKER)) {
            throw audit.refuse(by, AuditAction.WORKER_POST_LINKED, username, "token.notWorker");
        }
        String grid = dsl.select(GRID_WORKER.GRID_CODE).from(GRID_WORKER).where(GRID_WORKER.ID.eq(String.valueOf(workerId)),
                GRID_WORKER.GRID_CODE.isNotNull()).fetchOptional(r -> r.value1()).orElse(null);
        if (grid == null) {
            throw audit.refuse(by, AuditAction.WORKER_POST_LINKED, username, "visits.token.noPost", workerId);
        }
        dsl.transaction(tx -> {
            tx.dsl().deleteFrom(WORKER_ACCOUNT).where(WORKER_ACCOUNT.ACCOUNT_ID.eq(account.get().id())).execute();
            tx.dsl().insertInto(WORKER_ACCOUNT).set(WORKER_ACCOUNT.ACCOUNT_ID, account.get().id()).set(WORKER_ACCOUNT.WORKER_ID, workerId)
                    .execute();
            audit.in(tx).by(by, AuditAction.WORKER_POST_LINKED, username, AuditOutcome.SUCCESS, "worker " + workerId + ", grid " + grid);
        });
        return grid;
    }

    public List<WorkerToken> list(Session by) {
        require(by, AuditAction.WORKER_TOKEN_ISSUED, "list");
        return dsl.select(WORKER_TOKEN.ID, ACCOUNT.USERNAME, WORKER_TOKEN.LABEL, WORKER_TOKEN.ISSUED_AT, WORKER_TOKEN.EXPIRES_AT,
                        WORKER_TOKEN.REVOKED_AT).from(WORKER_TOKEN).join(ACCOUNT).on(ACCOUNT.ID.eq(WORKER_TOKEN.ACCOUNT_ID))
                .orderBy(WORKER_TOKEN.ID)
                .fetch(r -> new WorkerToken(r.value1(), r.value2(), r.value3(), r.value4().toInstant(), r.value5().toInstant(),
                        r.value6() == null ? null : r.value6().toInstant()));
    }

    public void revoke(Session by, long id) {
        require(by, AuditAction.WORKER_TOKEN_REVOKED, Long.toString(id));
        if (!dsl.fetchExists(WORKER_TOKEN, WORKER_TOKEN.ID.eq(id), WORKER_TOKEN.REVOKED_AT.isNull())) {
            throw audit.refuse(by, AuditAction.WORKER_TOKEN_REVOKED, Long.toString(id), "token.unknown", id);
        }
        OffsetDateTime now = AccountRepository.utc(clock.instant());
        dsl.transaction(tx -> {
            tx.dsl().update(WORKER_TOKEN).set(WORKER_TOKEN.REVOKED_AT, now).where(WORKER_TOKEN.ID.eq(id)).execute();
            audit.in(tx).by(by, AuditAction.WORKER_TOKEN_REVOKED, Long.toString(id), AuditOutcome.SUCCESS, "");
        });
    }

    /// The worker a presented token belongs to: a token of the right shape, known, neither revoked
    /// nor expired, whose account is enabled, not locked and still a grid worker.
    public Optional<Worker> worker(String presented) {
        return worker(presented, null);
    }

    /// As [#worker(String)], for a request from `from`: a token of the right shape that is refused
    /// (unknown, revoked, expired, or its account can no longer report) is audited as a failed
    /// sign-in, named by the first characters of its digest (never the token).
    public Optional<Worker> worker(String presented, Workstation from) {
        if (!WorkerTokens.plausible(presented)) {
            return Optional.empty();
        }
        Optional<Worker> worker = known(presented);
        if (worker.isEmpty() && from != null) {
            audit.as("-", "网格员令牌", from, AuditAction.SIGN_IN_FAILED,
                    "token " + WorkerTokens.digest(presented).substring(0, 12), AuditOutcome.REFUSED, "token.refused");
        }
        return worker;
    }

    private Optional<Worker> known(String presented) {
        Instant now = clock.instant();
        return dsl.select(WORKER_TOKEN.ACCOUNT_ID).from(WORKER_TOKEN)
                .where(WORKER_TOKEN.TOKEN_DIGEST.eq(WorkerTokens.digest(presented)), WORKER_TOKEN.REVOKED_AT.isNull(),
                        WORKER_TOKEN.EXPIRES_AT.gt(AccountRepository.utc(now)))
                .fetchOptional(r -> r.value1())
                .flatMap(accountId -> AccountRepository.byId(dsl, accountId))
                .filter(a -> a.enabled() && !a.lockedAt(now) && a.roles().contains(Role.GRID_WORKER))
                .map(a -> new Worker(a.id(), a.username(), a.displayName(), a.unitId()));
    }

    private void require(Session by, AuditAction action, String target) {
        if (!AccountRepository.active(dsl, by, clock.instant())) {
            throw audit.refuse(by, action, target, "session.ended");
        }
        if (!by.may(Permission.WORKER_TOKEN_MANAGE)) {
            throw audit.refuse(by, action, target, "admin.notPermitted");
        }
    }
}

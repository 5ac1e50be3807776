package org.griddesk.store.security;

import java.time.Clock;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import org.griddesk.domain.PlainText;
import org.griddesk.domain.district.DistrictChangeKind;
import org.griddesk.domain.org.Permission;
import org.griddesk.security.AccountRefused;
import org.griddesk.security.AuditAction;
import org.griddesk.security.AuditOutcome;
import org.griddesk.security.Session;
import org.griddesk.store.district.DistrictChanges;
import org.jooq.DSLContext;

/// How one part of the district's base data is administered: who may (the session still good and
/// holding the part's permission), how a refusal is told and audited, and how a change commits —
/// the change, its audit record and its row in `district_change` in one transaction, so that desks
/// and gateways never see one without the others.
final class DistrictEdit {
    private final DSLContext dsl;
    private final Clock clock;
    private final AccountAudit audit;
    private final Predicate<Session> active;
    private final DistrictChangeKind kind;
    private final AuditAction action;
    private final Permission permission;

    DistrictEdit(DSLContext dsl, Clock clock, AccountAudit audit, Predicate<Session> active, DistrictChangeKind kind,
                 AuditAction action, Permission permission) {
        this.dsl = dsl;
        this.clock = clock;
        this.audit = audit;
        this.active = active;
        this.kind = kind;
        this.action = action;
        this.permission = permission;
    }

    DSLContext dsl() {
        return dsl;
    }

    /// Refuses (audited) unless the session may administer this part; `target` names what it touches.
    void require(Session by, String target) {
        audit.require(by, active, action, target, permission);
    }

    /// Records a refusal in words and returns it to throw: nothing is written but the audit record.
    AccountRefused refuse(Session by, String target, String key, Object... args) {
        return audit.refuse(by, action, target, key, args);
    }

    /// Commits `change` with its audit record (`detail`) and the district's change record.
    void commit(Session by, String target, String detail, Consumer<DSLContext> change) {
        commit(by, tx -> {
            change.accept(tx);
            return target;
        }, t -> t, t -> detail);
    }

    /// Commits `change`, whose result names the target and the detail of the records (a key's id
    /// is known once it is stored), and returns the result.
    <T> T commit(Session by, Function<DSLContext, T> change, Function<T, String> target, Function<T, String> detail) {
        return dsl.transactionResult(tx -> {
            T done = change.apply(tx.dsl());
            audit.in(tx).by(by, action, target.apply(done), AuditOutcome.SUCCESS, detail.apply(done));
            new DistrictChanges(tx.dsl(), clock).record(kind, by.username(), target.apply(done) + ": " + detail.apply(done));
            return done;
        });
    }

    /// A text an administrator typed: stripped, null when blank.
    static String typed(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /// Whether a name is one line of visible text of at most `max` characters.
    static boolean name(String text, int max) {
        return text != null && !text.isEmpty() && text.codePointCount(0, text.length()) <= max && PlainText.oneLine(text);
    }
}

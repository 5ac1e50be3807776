package org.griddesk.store.security;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import org.griddesk.domain.org.Permission;
import org.griddesk.security.AlarmKindAdministration.AlarmKind;
import org.griddesk.security.AlarmKindAdministration.ItemChoice;
import org.griddesk.security.AuditAction;
import org.griddesk.security.AuditOutcome;
import org.griddesk.security.Session;
import org.griddesk.store.district.AlarmItemRepository;
import org.griddesk.store.district.DistrictRepository;
import org.jooq.DSLContext;

/// The alarm-kind table for [AccountService]: each call first checks that the session is still
/// good and may manage the configuration; a change commits with its audit record (the same record
/// `griddesk alarms map` writes: a configuration change of `alarm-kind:KIND`).
final class AlarmKindAdministrator {
    private final DSLContext dsl;
    private final Clock clock;
    private final AccountAudit audit;
    private final Predicate<Session> active;

    AlarmKindAdministrator(DSLContext dsl, Clock clock, AccountAudit audit, Predicate<Session> active) {
        this.dsl = dsl;
        this.clock = clock;
        this.audit = audit;
        this.active = active;
    }

    List<AlarmKind> list(Session by) {
        audit.require(by, active, AuditAction.CONFIGURATION_CHANGED, "alarm-kinds", Permission.CONFIGURATION_MANAGE);
        return new AlarmItemRepository(dsl, clock).all().entrySet().stream()
                .map(e -> new AlarmKind(e.getKey(), e.getValue()[0], e.getValue()[1])).toList();
    }

    List<ItemChoice> items(Session by) {
        audit.require(by, active, AuditAction.CONFIGURATION_CHANGED, "alarm-kinds", Permission.CONFIGURATION_MANAGE);
        return new DistrictRepository(dsl).taxonomy().itemsByCode().values().stream().map(i -> new ItemChoice(i.code(), i.name()))
                .sorted(Comparator.comparing(ItemChoice::code)).toList();
    }

    void map(Session by, String kind, String itemCode) {
        String stripped = kind == null ? "" : kind.strip();
        String target = target(stripped);
        audit.require(by, active, AuditAction.CONFIGURATION_CHANGED, target, Permission.CONFIGURATION_MANAGE);
        if (!AlarmItemRepository.acceptsKind(stripped)) {
            throw audit.refuse(by, AuditAction.CONFIGURATION_CHANGED, target, "alarmKind.bad", AlarmItemRepository.MAX_KIND);
        }
        String item = itemCode == null ? "" : itemCode.strip();
        if (!new DistrictRepository(dsl).taxonomy().itemsByCode().containsKey(item)) {
            throw audit.refuse(by, AuditAction.CONFIGURATION_CHANGED, target, "alarmKind.noItem", item);
        }
        dsl.transaction(tx -> {
            AlarmItemRepository kinds = new AlarmItemRepository(tx.dsl(), clock);
            String[] before = kinds.all().get(stripped);
            kinds.map(stripped, item);
            audit.in(tx).by(by, AuditAction.CONFIGURATION_CHANGED, target, AuditOutcome.SUCCESS,
                    "mapped to " + item + (before == null ? "" : " (was " + before[0] + ")"));
        });
    }

    void unmap(Session by, String kind) {
        String stripped = kind == null ? "" : kind.strip();
        String target = target(stripped);
        audit.require(by, active, AuditAction.CONFIGURATION_CHANGED, target, Permission.CONFIGURATION_MANAGE);
        boolean removed = dsl.transactionResult(tx -> {
            boolean had = new AlarmItemRepository(tx.dsl(), clock).unmap(stripped);
            if (had) {
                audit.in(tx).by(by, AuditAction.CONFIGURATION_CHANGED, target, AuditOutcome.SUCCESS, "unmapped");
            }
            return had;
        });
        if (!removed) {
            throw audit.refuse(by, AuditAction.CONFIGURATION_CHANGED, target, "alarmKind.notMapped", stripped);
        }
    }

    /// the audit's target: control characters shown as `?`, cut to what its column holds
    private static String target(String kind) {
        String t = "alarm-kind:" + kind.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append);
        return t.length() > 200 ? t.substring(0, 200) : t;
    }
}

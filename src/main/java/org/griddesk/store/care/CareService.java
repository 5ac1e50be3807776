package org.griddesk.store.care;

import static org.griddesk.store.jooq.Tables.HOUSEHOLD_CARE;
import static org.griddesk.store.jooq.Tables.VISIT_HOUSEHOLD;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.griddesk.domain.care.CareProfile;
import org.griddesk.domain.care.CareRecord;
import org.griddesk.domain.care.RiskLevel;
import org.griddesk.domain.care.SpecialGroup;
import org.griddesk.domain.district.VisitHousehold;
import org.griddesk.domain.org.Permission;
import org.griddesk.security.AuditAction;
import org.griddesk.security.AuditEntry;
import org.griddesk.security.AuditOutcome;
import org.griddesk.security.AuditSink;
import org.griddesk.security.PersonalField;
import org.griddesk.security.RevealRefused;
import org.griddesk.security.Session;
import org.griddesk.store.PersonalDataService;
import org.griddesk.store.PersonalDataVault;
import org.griddesk.store.district.DistrictRepository;
import org.griddesk.store.security.AuditLog;
import org.griddesk.store.security.LiveSessions;
import org.jooq.DSLContext;
import org.jooq.Record;

/// The special groups (四失五类) of a grid's must-visit households and their care records (关爱帮扶):
/// who may see the list (masked), read the notes (with a reason, recorded as a reveal) and record
/// care is decided here, by the permission table and the centre's area ([PersonalDataService#coversGrid]).
/// A refusal is a [RevealRefused] in words, audited; nothing is read or written.
public final class CareService {
    private final DSLContext dsl;
    private final PersonalDataService personal;
    private final AuditSink audit;
    private final Clock clock;
    private final DistrictRepository district;

    public CareService(DSLContext dsl, PersonalDataService personal, AuditSink audit, Clock clock) {
        this.dsl = dsl;
        this.personal = personal;
        this.audit = audit;
        this.clock = clock;
        this.district = new DistrictRepository(dsl);
    }

    /// Whether this person may see special groups at all (the desk shows the way in only then).
    public static boolean mayRead(Session session) {
        return session != null && session.may(Permission.SPECIAL_GROUPS_READ);
    }

    /// The grid's must-visit households with their groups and risk, highest risk first, names masked.
    public List<CareProfile> profiles(Session session, String gridCode) {
        String target = "care-grid:" + gridCode;
        requireActive(session, target, Permission.SPECIAL_GROUPS_READ);
        if (!personal.coversGrid(session, gridCode)) {
            throw refused(session, AuditAction.PERSONAL_DATA_REVEALED, target, "reveal.refused.scope");
        }
        List<VisitHousehold> households = district.visitHouseholds(gridCode);
        Map<String, List<CareRecord>> records = new HashMap<>();
        if (!households.isEmpty()) {
            dsl.selectFrom(HOUSEHOLD_CARE)
                    .where(HOUSEHOLD_CARE.HOUSEHOLD_ID.in(households.stream().map(VisitHousehold::id).toList()))
                    .orderBy(HOUSEHOLD_CARE.ID)
                    .forEach(r -> records.computeIfAbsent(r.getHouseholdId(), k -> new ArrayList<>()).add(record(r, false)));
        }
        return households.stream().map(h -> {
            List<CareRecord> of = records.getOrDefault(h.id(), List.of());
            CareRecord last = of.isEmpty() ? null : of.getLast();
            return new CareProfile(h.id(), h.gridCode(), h.category(), h.maskedName(), h.maskedPhone(),
                    last == null ? Set.of() : last.groups(), last == null ? RiskLevel.LOW : last.risk(), of.size(),
                    last == null ? null : last.at());
        }).sorted(Comparator.comparing(CareProfile::risk).reversed().thenComparing(CareProfile::householdId)).toList();
    }

    /// A household's care records with their notes, newest first: a reveal, with a reason, recorded.
    public List<CareRecord> history(Session session, String householdId, String reason) {
        personal.revealCare(session, householdId, reason);
        return dsl.selectFrom(HOUSEHOLD_CARE).where(HOUSEHOLD_CARE.HOUSEHOLD_ID.eq(householdId))
                .orderBy(HOUSEHOLD_CARE.ID.desc()).fetch(r -> record(r, true));
    }

    /// Records a household's care: its groups and risk as judged now, and what was done.
    public CareRecord record(Session session, String householdId, RiskLevel risk, Set<SpecialGroup> groups, String note) {
        String target = "care:" + householdId;
        requireActive(session, target, Permission.CARE_RECORD);
        VisitHousehold household = district.visitHousehold(householdId)
                .orElseThrow(() -> refused(session, AuditAction.CARE_RECORDED, target, "care.refused.noHousehold"));
        if (!personal.coversGrid(session, household.gridCode())) {
            throw refused(session, AuditAction.CARE_RECORDED, target, "reveal.refused.scope");
        }
        if (risk == null) {
            throw refused(session, AuditAction.CARE_RECORDED, target, "care.refused.risk");
        }
        String text = note == null ? "" : note.strip();
        if (text.isEmpty()) {
            throw refused(session, AuditAction.CARE_RECORDED, target, "care.refused.note");
        }
        if (text.codePointCount(0, text.length()) > CareRecord.MAX_NOTE) {
            throw refused(session, AuditAction.CARE_RECORDED, target, "care.refused.noteTooLong", CareRecord.MAX_NOTE);
        }
        Set<SpecialGroup> kept = groups == null || groups.isEmpty() ? Set.of() : EnumSet.copyOf(groups);
        Instant at = clock.instant();
        CareRecord made = new CareRecord(0, householdId, at, session.accountId(), session.displayName(), risk, kept, text);
        long id = dsl.transactionResult(cfg -> {
            long inserted = CareRecords.insert(cfg.dsl(), made);
            // the audit names what was judged, never the note (personal data)
            AuditLog.write(audit, cfg.dsl(), new AuditEntry(at, session.accountId(), session.displayName(), session.from(),
                    AuditAction.CARE_RECORDED, target, AuditOutcome.SUCCESS, "risk " + risk + ", groups " + kept));
            return inserted;
        });
        return new CareRecord(id, householdId, at, session.accountId(), session.displayName(), risk, kept, text);
    }

    private void requireActive(Session session, String target, Permission permission) {
        if (!LiveSessions.active(dsl, session, clock.instant())) {
            throw refused(session, AuditAction.PERSONAL_DATA_REVEALED, target, "reveal.refused.sessionEnded");
        }
        if (!session.may(permission)) {
            throw refused(session, permission == Permission.CARE_RECORD ? AuditAction.CARE_RECORDED
                    : AuditAction.PERSONAL_DATA_REVEALED, target, "care.refused.permission");
        }
    }

    private CareRecord record(Record row, boolean withNote) {
        var r = row.into(HOUSEHOLD_CARE);
        String groups = r.getSpecialGroups();
        Set<SpecialGroup> set = groups.isEmpty() ? Set.of() : Arrays.stream(groups.split(",")).map(SpecialGroup::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(SpecialGroup.class)));
        String note = withNote ? PersonalDataVault.of(dsl).open(PersonalField.CARE_NOTE, r.getNote()).textOrNull() : null;
        return new CareRecord(r.getId(), r.getHouseholdId(), r.getRecordedAt().toInstant(), r.getActorId(), r.getActorName(),
                RiskLevel.valueOf(r.getRiskLevel()), set, note);
    }

    private RevealRefused refused(Session session, AuditAction action, String target, String key, Object... args) {
        audit.record(new AuditEntry(clock.instant(), session.accountId(), session.displayName(), session.from(), action, target,
                AuditOutcome.REFUSED, key));
        return new RevealRefused(key, args);
    }
}

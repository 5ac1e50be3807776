package org.griddesk.store.care;

import static org.griddesk.store.jooq.Tables.HOUSEHOLD_CARE;

import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;
import org.griddesk.domain.care.CareRecord;
import org.griddesk.security.PersonalField;
import org.griddesk.store.PersonalDataVault;
import org.jooq.DSLContext;
import org.jooq.Query;

/// Writes care records (`household_care`), each note sealed with the current data key. No rule is
/// checked here: [CareService] decides who may record, the demo loader writes its own district's.
public final class CareRecords {
    private CareRecords() {
    }

    /// Inserts one record in `tx` and returns its id.
    static long insert(DSLContext tx, CareRecord r) {
        PersonalDataVault vault = PersonalDataVault.of(tx);
        return row(tx, vault, r).returningResult(HOUSEHOLD_CARE.ID).fetchOne(HOUSEHOLD_CARE.ID);
    }

    /// Inserts many in one transaction, in JDBC batches (a demo district's records).
    public static void insertAll(DSLContext dsl, List<CareRecord> records) {
        dsl.transaction(cfg -> {
            PersonalDataVault vault = PersonalDataVault.of(cfg.dsl());
            List<Query> rows = records.stream().map(r -> (Query) row(cfg.dsl(), vault, r)).toList();
            for (int i = 0; i < rows.size(); i += 1000) {
                cfg.dsl().batch(rows.subList(i, Math.min(rows.size(), i + 1000))).execute();
            }
        });
    }

    private static org.jooq.InsertSetMoreStep<?> row(DSLContext tx, PersonalDataVault vault, CareRecord r) {
        return tx.insertInto(HOUSEHOLD_CARE)
                .set(HOUSEHOLD_CARE.HOUSEHOLD_ID, r.householdId())
                .set(HOUSEHOLD_CARE.RECORDED_AT, r.at().atOffset(ZoneOffset.UTC))
                .set(HOUSEHOLD_CARE.ACTOR_ID, r.actorId())
                .set(HOUSEHOLD_CARE.ACTOR_NAME, r.actorName())
                .set(HOUSEHOLD_CARE.RISK_LEVEL, r.risk().name())
                .set(HOUSEHOLD_CARE.SPECIAL_GROUPS, r.groups().stream().sorted().map(Enum::name).collect(Collectors.joining(",")))
                .set(HOUSEHOLD_CARE.NOTE, vault.seal(PersonalField.CARE_NOTE, r.note()))
                .set(HOUSEHOLD_CARE.KEY_ID, vault.currentKeyId());
    }
}

package org.griddesk.store;

import static org.griddesk.store.jooq.Tables.HOUSEHOLD_CARE;
import static org.griddesk.store.jooq.Tables.TICKET;
import static org.griddesk.store.jooq.Tables.VISIT_HOUSEHOLD;

import java.util.Map;
import java.util.TreeMap;
import org.griddesk.security.Opened;
import org.griddesk.security.PersonalField;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// Seals the personal data of rows that do not hold it sealed with the current key: rows an older
/// version stored in clear (an upgraded store, on the first start that has the key), and, during a
/// rotation, rows sealed with an older key. Batches of [#BATCH] rows, one transaction each, so a
/// sweep cut short resumes where it stopped; running it again changes nothing.
public final class PersonalDataSweep {
    private static final Logger log = LoggerFactory.getLogger(PersonalDataSweep.class);
    public static final int BATCH = 500;

    private final DSLContext dsl;
    private final PersonalDataVault vault;

    public PersonalDataSweep(DSLContext dsl) {
        this.dsl = dsl;
        this.vault = PersonalDataVault.of(dsl);
    }

    /// Seals every row that needs it; returns how many rows were written.
    public int sealAll() {
        int tickets = sweepTickets();
        int households = sweepHouseholds();
        int care = sweepCareNotes();
        if (tickets + households + care > 0) {
            log.info("sealed the personal data of {} tickets, {} households and {} care notes with the data key {}", tickets,
                    households, care, vault.currentKeyId());
        }
        return tickets + households + care;
    }

    private Condition stale(Field<String> keyId, Field<String> value) {
        return value.isNotNull().and(keyId.isNull().or(keyId.ne(vault.currentKeyId())));
    }

    private int sweepTickets() {
        int done = 0;
        long after = Long.MIN_VALUE;
        while (true) {
            var rows = dsl.select(TICKET.ID, TICKET.CALLER_NAME, TICKET.CALLER_PHONE).from(TICKET)
                    .where(stale(TICKET.CALLER_KEY_ID, TICKET.CALLER_PHONE), TICKET.ID.gt(after))
                    .orderBy(TICKET.ID).limit(BATCH).fetch();
            if (rows.isEmpty()) {
                return done;
            }
            dsl.transaction(cfg -> {
                for (var r : rows) {
                    String phone = clear(PersonalField.CALLER_PHONE, r.value3());
                    String name = clear(PersonalField.CALLER_NAME, r.value2());
                    // a value this key ring cannot open stays as it is: re-sealing needs its text
                    if (phone == null || r.value2() != null && name == null) {
                        continue;
                    }
                    cfg.dsl().update(TICKET).set(TICKET.CALLER_NAME, vault.seal(PersonalField.CALLER_NAME, name))
                            .set(TICKET.CALLER_PHONE, vault.seal(PersonalField.CALLER_PHONE, phone))
                            .set(TICKET.CALLER_PHONE_INDEX, vault.phoneIndex(phone))
                            .set(TICKET.CALLER_NAME_INDEX, vault.nameIndex(name))
                            .set(TICKET.CALLER_KEY_ID, vault.currentKeyId()).where(TICKET.ID.eq(r.value1())).execute();
                }
            });
            done += rows.size();
            after = rows.getLast().value1();
        }
    }

    /// Gives the callers' names their blind index where a store sealed before it had one (V28): rows
    /// with a name and no name index, in batches; a name this ring cannot open is left as it is.
    /// Only history search finds callers by name: its index runs this before it reads the store
    /// (35,000 callers take about half a minute, which a desk's start must not wait for).
    public int indexNames() {
        if (!vault.hasKey()) {
            return 0;
        }
        int done = 0;
        long after = Long.MIN_VALUE;
        while (true) {
            var rows = dsl.select(TICKET.ID, TICKET.CALLER_NAME).from(TICKET)
                    .where(TICKET.CALLER_NAME.isNotNull(), TICKET.CALLER_NAME_INDEX.isNull(), TICKET.ID.gt(after))
                    .orderBy(TICKET.ID).limit(BATCH).fetch();
            if (rows.isEmpty()) {
                return done;
            }
            int[] written = {0};
            dsl.transaction(cfg -> {
                for (var r : rows) {
                    String index = vault.nameIndex(clear(PersonalField.CALLER_NAME, r.value2()));
                    if (index != null) {
                        written[0] += cfg.dsl().update(TICKET).set(TICKET.CALLER_NAME_INDEX, index)
                                .where(TICKET.ID.eq(r.value1())).execute();
                    }
                }
            });
            done += written[0];
            after = rows.getLast().value1();
        }
    }

    private int sweepHouseholds() {
        int done = 0;
        String after = "";
        while (true) {
            var rows = dsl.select(VISIT_HOUSEHOLD.ID, VISIT_HOUSEHOLD.HEAD_NAME, VISIT_HOUSEHOLD.PHONE, VISIT_HOUSEHOLD.ADDRESS)
                    .from(VISIT_HOUSEHOLD).where(stale(VISIT_HOUSEHOLD.KEY_ID, VISIT_HOUSEHOLD.PHONE), VISIT_HOUSEHOLD.ID.gt(after))
                    .orderBy(VISIT_HOUSEHOLD.ID).limit(BATCH).fetch();
            if (rows.isEmpty()) {
                return done;
            }
            dsl.transaction(cfg -> {
                for (var r : rows) {
                    String name = clear(PersonalField.HOUSEHOLD_NAME, r.value2());
                    String phone = clear(PersonalField.HOUSEHOLD_PHONE, r.value3());
                    String address = clear(PersonalField.HOUSEHOLD_ADDRESS, r.value4());
                    if (name == null || phone == null || address == null) {
                        continue;
                    }
                    cfg.dsl().update(VISIT_HOUSEHOLD)
                            .set(VISIT_HOUSEHOLD.HEAD_NAME, vault.seal(PersonalField.HOUSEHOLD_NAME, name))
                            .set(VISIT_HOUSEHOLD.PHONE, vault.seal(PersonalField.HOUSEHOLD_PHONE, phone))
                            .set(VISIT_HOUSEHOLD.ADDRESS, vault.seal(PersonalField.HOUSEHOLD_ADDRESS, address))
                            .set(VISIT_HOUSEHOLD.PHONE_INDEX, vault.phoneIndex(phone))
                            .set(VISIT_HOUSEHOLD.KEY_ID, vault.currentKeyId()).where(VISIT_HOUSEHOLD.ID.eq(r.value1())).execute();
                }
            });
            done += rows.size();
            after = rows.getLast().value1();
        }
    }

    /// Care records' notes (关爱帮扶), the one sealed column of their table.
    private int sweepCareNotes() {
        int done = 0;
        long after = Long.MIN_VALUE;
        while (true) {
            var rows = dsl.select(HOUSEHOLD_CARE.ID, HOUSEHOLD_CARE.NOTE).from(HOUSEHOLD_CARE)
                    .where(stale(HOUSEHOLD_CARE.KEY_ID, HOUSEHOLD_CARE.NOTE), HOUSEHOLD_CARE.ID.gt(after))
                    .orderBy(HOUSEHOLD_CARE.ID).limit(BATCH).fetch();
            if (rows.isEmpty()) {
                return done;
            }
            int[] written = {0};
            dsl.transaction(cfg -> {
                for (var r : rows) {
                    String note = clear(PersonalField.CARE_NOTE, r.value2());
                    if (note != null) {
                        cfg.dsl().update(HOUSEHOLD_CARE).set(HOUSEHOLD_CARE.NOTE, vault.seal(PersonalField.CARE_NOTE, note))
                                .set(HOUSEHOLD_CARE.KEY_ID, vault.currentKeyId()).where(HOUSEHOLD_CARE.ID.eq(r.value1())).execute();
                        written[0]++;
                    }
                }
            });
            done += written[0];
            after = rows.getLast().value1();
        }
    }

    /// The text of a stored value (sealed with any key of the ring, or in clear), or null.
    private String clear(PersonalField field, String stored) {
        Opened opened = vault.open(field, stored);
        return opened.textOrNull();
    }

    /// How many rows each key seals, and how many hold personal data in clear (key `-`).
    public static Map<String, Integer> rowsPerKey(DSLContext dsl) {
        Map<String, Integer> counts = new TreeMap<>();
        dsl.select(DSL.coalesce(TICKET.CALLER_KEY_ID, "-"), DSL.count()).from(TICKET).where(TICKET.CALLER_PHONE.isNotNull())
                .groupBy(TICKET.CALLER_KEY_ID).forEach(r -> counts.merge(r.value1(), r.value2(), Integer::sum));
        dsl.select(DSL.coalesce(VISIT_HOUSEHOLD.KEY_ID, "-"), DSL.count()).from(VISIT_HOUSEHOLD)
                .groupBy(VISIT_HOUSEHOLD.KEY_ID).forEach(r -> counts.merge(r.value1(), r.value2(), Integer::sum));
        dsl.select(DSL.coalesce(HOUSEHOLD_CARE.KEY_ID, "-"), DSL.count()).from(HOUSEHOLD_CARE).where(HOUSEHOLD_CARE.NOTE.isNotNull())
                .groupBy(HOUSEHOLD_CARE.KEY_ID).forEach(r -> counts.merge(r.value1(), r.value2(), Integer::sum));
        return counts;
    }
}

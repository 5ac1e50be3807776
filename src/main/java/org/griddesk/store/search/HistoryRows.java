package org.griddesk.store.search;

import static org.griddesk.store.jooq.Tables.INTAKE_DETAIL;
import static org.griddesk.store.jooq.Tables.SYSTEM_PROPERTY;
import static org.griddesk.store.jooq.Tables.TAXONOMY_CATEGORY;
import static org.griddesk.store.jooq.Tables.TAXONOMY_ITEM;
import static org.griddesk.store.jooq.Tables.TICKET;
import static org.griddesk.store.jooq.Tables.TICKET_EVENT;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.griddesk.store.PersonalDataSweep;
import org.griddesk.store.PersonalDataVault;
import org.griddesk.store.SystemProperty;
import org.griddesk.store.jooq.tables.IntakeDetail;
import org.griddesk.store.jooq.tables.TaxonomyItem;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;

/// What the history index reads from the store: every ticket in id order, a few by id, the trail's
/// position, and which tickets changed after a position. Plain reads, any state.
public final class HistoryRows {
    private static final IntakeDetail HINT = INTAKE_DETAIL.as("hint");
    private static final TaxonomyItem ITEM = TAXONOMY_ITEM.as("item");

    private final DSLContext dsl;

    public HistoryRows(DSLContext dsl) {
        this.dsl = dsl;
    }

    /// The tickets with ids above `afterId` and at most `afterId + span`, in id order: a range of
    /// the primary key (with the joins, `ORDER BY id LIMIT n` made H2 read the whole table for each
    /// batch: a 760,000-ticket store did not index in 5 minutes).
    public List<IndexedTicket> range(long afterId, int span) {
        return select().where(TICKET.ID.gt(afterId), TICKET.ID.le(afterId + span)).orderBy(TICKET.ID).fetch(HistoryRows::toTicket);
    }

    /// The highest ticket id (0 when there is none).
    public long maxId() {
        Long top = dsl.select(DSL.max(TICKET.ID)).from(TICKET).fetchOne(0, Long.class);
        return top == null ? 0 : top;
    }

    /// The tickets of these ids (those that exist).
    public List<IndexedTicket> byIds(Collection<Long> ids) {
        List<IndexedTicket> out = new ArrayList<>();
        List<Long> all = List.copyOf(ids);
        for (int i = 0; i < all.size(); i += 500) {
            out.addAll(select().where(TICKET.ID.in(all.subList(i, Math.min(all.size(), i + 500)))).fetch(HistoryRows::toTicket));
        }
        return out;
    }

    private org.jooq.SelectOnConditionStep<? extends Record> select() {
        var item = DSL.coalesce(TICKET.ITEM_CODE, HINT.ITEM_HINT);
        return dsl.select(TICKET.ID, TICKET.CODE, TICKET.SUMMARY, TICKET.ADDRESS, item.as("item_code"), ITEM.CATEGORY_CODE,
                        TICKET.CHANNEL, TICKET.OWNER_UNIT, TICKET.ACCEPTING_UNIT, TICKET.ASSIGNED_TEAM, TICKET.WATCHING_UNITS,
                        TICKET.STATE, TICKET.REPORTED_AT, TICKET.CALLER_PHONE_INDEX, TICKET.CALLER_NAME_INDEX)
                .from(TICKET).leftJoin(HINT).on(HINT.TICKET_ID.eq(TICKET.ID))
                .leftJoin(ITEM).on(ITEM.CODE.eq(item));
    }

    private static IndexedTicket toTicket(Record r) {
        Set<String> units = new LinkedHashSet<>();
        units.add(r.get(TICKET.OWNER_UNIT));
        Optional.ofNullable(r.get(TICKET.ACCEPTING_UNIT)).ifPresent(units::add);
        Optional.ofNullable(r.get(TICKET.ASSIGNED_TEAM)).ifPresent(units::add);
        String watching = r.get(TICKET.WATCHING_UNITS);
        if (watching != null && !watching.isBlank()) {
            units.addAll(List.of(watching.split(",")));
        }
        return new IndexedTicket(r.get(TICKET.ID), r.get(TICKET.CODE), r.get(TICKET.SUMMARY), r.get(TICKET.ADDRESS),
                r.get("item_code", String.class), r.get(ITEM.CATEGORY_CODE), r.get(TICKET.CHANNEL), r.get(TICKET.OWNER_UNIT),
                List.copyOf(units), r.get(TICKET.STATE), r.get(TICKET.REPORTED_AT).toInstant(),
                r.get(TICKET.CALLER_PHONE_INDEX), r.get(TICKET.CALLER_NAME_INDEX));
    }

    /// The newest position of the trail (0 when empty).
    public long lastSeq() {
        Long top = dsl.select(DSL.max(TICKET_EVENT.SEQ)).from(TICKET_EVENT).fetchOne(0, Long.class);
        return top == null ? 0 : top;
    }

    /// The tickets changed by events after `seq`, and the newest position read.
    public record Changed(Set<Long> ticketIds, long lastSeq) {
    }

    /// The tickets of at most `limit` events after `seq`.
    public Changed changedAfter(long seq, int limit) {
        var rows = dsl.select(TICKET_EVENT.SEQ, TICKET_EVENT.TICKET_ID).from(TICKET_EVENT).where(TICKET_EVENT.SEQ.gt(seq))
                .orderBy(TICKET_EVENT.SEQ).limit(limit).fetch();
        Set<Long> ids = new LinkedHashSet<>();
        rows.forEach(r -> ids.add(r.value2()));
        return new Changed(ids, rows.isEmpty() ? seq : rows.getLast().value1());
    }

    /// A category of the taxonomy: code and name.
    public record Category(String code, String name) {
    }

    /// The taxonomy's top categories, in code order (the search's category filter).
    public List<Category> categories() {
        return dsl.select(TAXONOMY_CATEGORY.CODE, TAXONOMY_CATEGORY.NAME).from(TAXONOMY_CATEGORY)
                .where(TAXONOMY_CATEGORY.PARENT_CODE.isNull()).orderBy(TAXONOMY_CATEGORY.CODE)
                .fetch(r -> new Category(r.value1(), r.value2()));
    }

    public int count() {
        return dsl.fetchCount(TICKET);
    }

    /// What tells this store from another: when it was installed (a copy of it says the same, and
    /// holds the same tickets up to the copy).
    public String storeIdentity() {
        return dsl.select(SYSTEM_PROPERTY.PROPERTY_VALUE).from(SYSTEM_PROPERTY)
                .where(SYSTEM_PROPERTY.PROPERTY_KEY.eq(SystemProperty.INSTALLED_AT)).fetchOptional(SYSTEM_PROPERTY.PROPERTY_VALUE)
                .orElse("");
    }

    /// Gives callers stored before V28 the blind index of their name ([PersonalDataSweep#indexNames]);
    /// returns how many rows were written.
    public int indexCallerNames() {
        return new PersonalDataSweep(dsl).indexNames();
    }

    /// The blind index of a phone and of a name as this store's key makes them (null without a key).
    public String phoneIndex(String phone) {
        return PersonalDataVault.of(dsl).phoneIndex(phone);
    }

    public String nameIndex(String name) {
        return PersonalDataVault.of(dsl).nameIndex(name);
    }
}

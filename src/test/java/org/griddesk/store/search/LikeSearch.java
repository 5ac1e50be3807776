package org.griddesk.store.search;

import static org.griddesk.store.jooq.Tables.INTAKE_DETAIL;
import static org.griddesk.store.jooq.Tables.TAXONOMY_ITEM;
import static org.griddesk.store.jooq.Tables.TICKET;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.griddesk.domain.ticket.HistoryQuery;
import org.griddesk.store.PersonalDataVault;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/// The history search as SQL `LIKE '%word%'` over the ticket table: the baseline the history
/// index is measured against in the same run (`-Dbench=history-search`). Words are split on white
/// space only (SQL does not segment Chinese); the caller is found by the same blind indexes.
/// Newest first (SQL has no relevance). Not used by the desk.
public final class LikeSearch {
    private final DSLContext dsl;

    public LikeSearch(DSLContext dsl) {
        this.dsl = dsl;
    }

    /// The ids of the tickets that match, newest first, at most `limit`; `owners` null: any owner.
    public List<Long> search(HistoryQuery q, Set<String> owners, int limit) {
        PersonalDataVault vault = PersonalDataVault.of(dsl);
        List<Condition> where = new ArrayList<>();
        if (q.text() != null) {
            for (String word : q.text().split(" ")) {
                String like = "%" + escape(word) + "%";
                where.add(TICKET.SUMMARY.like(like, '!').or(TICKET.ADDRESS.like(like, '!')).or(TICKET.CODE.eq(word))
                        .or(blind(TICKET.CALLER_PHONE_INDEX, vault.phoneIndex(word))));
            }
        }
        if (q.code() != null) {
            where.add(TICKET.CODE.eq(q.code()));
        }
        if (q.phone() != null) {
            where.add(blind(TICKET.CALLER_PHONE_INDEX, vault.phoneIndex(q.phone())));
        }
        if (q.name() != null) {
            where.add(blind(TICKET.CALLER_NAME_INDEX, vault.nameIndex(q.name())));
        }
        if (q.address() != null) {
            for (String word : q.address().split(" ")) {
                where.add(TICKET.ADDRESS.like("%" + escape(word) + "%", '!'));
            }
        }
        if (q.category() != null) {
            where.add(DSL.coalesce(TICKET.ITEM_CODE, INTAKE_DETAIL.ITEM_HINT).in(
                    DSL.select(TAXONOMY_ITEM.CODE).from(TAXONOMY_ITEM).where(TAXONOMY_ITEM.CATEGORY_CODE.eq(q.category()))));
        }
        if (q.channel() != null) {
            where.add(TICKET.CHANNEL.eq(q.channel().name()));
        }
        if (q.unitId() != null) {
            where.add(TICKET.OWNER_UNIT.eq(q.unitId()).or(TICKET.ACCEPTING_UNIT.eq(q.unitId()))
                    .or(TICKET.ASSIGNED_TEAM.eq(q.unitId())));
        }
        if (q.state() != null) {
            where.add(TICKET.STATE.eq(q.state().name()));
        }
        if (q.from() != null) {
            where.add(TICKET.REPORTED_AT.ge(q.from().atOffset(ZoneOffset.UTC)));
        }
        if (q.to() != null) {
            where.add(TICKET.REPORTED_AT.lt(q.to().atOffset(ZoneOffset.UTC)));
        }
        if (owners != null) {
            where.add(TICKET.OWNER_UNIT.in(owners));
        }
        return dsl.select(TICKET.ID).from(TICKET).leftJoin(INTAKE_DETAIL).on(INTAKE_DETAIL.TICKET_ID.eq(TICKET.ID))
                .where(where).orderBy(TICKET.REPORTED_AT.desc(), TICKET.ID.desc()).limit(limit).fetch(TICKET.ID);
    }

    private static String escape(String word) {
        return word.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    /// the column holds this blind index; nothing matches when there is none (no key, or not a phone)
    private static Condition blind(org.jooq.Field<String> column, Object index) {
        return index == null ? DSL.falseCondition() : column.eq(String.valueOf(index));
    }
}

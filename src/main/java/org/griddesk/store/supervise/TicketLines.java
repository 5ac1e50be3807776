package org.griddesk.store.supervise;

import static org.griddesk.store.jooq.Tables.TAXONOMY_ITEM;
import static org.griddesk.store.jooq.Tables.TICKET;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.griddesk.domain.ticket.TicketState;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SelectField;
import org.jooq.Table;
import org.jooq.impl.DSL;

/// The columns of a [TicketLine] (aliased, so that they can be read back from a derived table too)
/// and the scope of a centre: one place for both lists.
final class TicketLines {
    static final Field<Long> ID = TICKET.ID.as("line_id");
    static final Field<String> CODE = TICKET.CODE.as("line_code");
    static final Field<String> STATE = TICKET.STATE.as("line_state");
    static final Field<String> ITEM = TAXONOMY_ITEM.NAME.as("line_item");
    static final Field<String> SUMMARY = TICKET.SUMMARY.as("line_summary");
    static final Field<String> GRID = TICKET.GRID_CODE.as("line_grid");
    static final Field<String> ADDRESS = TICKET.ADDRESS.as("line_address");
    static final Field<String> OWNER = TICKET.OWNER_UNIT.as("line_owner");
    static final Field<OffsetDateTime> REPORTED = TICKET.REPORTED_AT.as("line_reported");
    static final Field<OffsetDateTime> DUE = TICKET.DUE_AT.as("line_due");
    static final List<SelectField<?>> FIELDS = List.of(ID, CODE, STATE, ITEM, SUMMARY, GRID, ADDRESS, OWNER, REPORTED, DUE);

    /// states whose handling is not done yet: a due date still binds them
    static final List<String> IN_HAND = List.of(TicketState.ACCEPTED.name(), TicketState.DISPATCHED.name(),
            TicketState.RETURNED.name(), TicketState.IN_PROGRESS.name(), TicketState.ESCALATED.name());
    static final List<String> TERMINAL = List.of(TicketState.CLOSED.name(), TicketState.MERGED.name(),
            TicketState.REJECTED.name());

    private TicketLines() {
    }

    /// the ticket table with its item's name (left join)
    static Table<?> ticketsWithItems() {
        return TICKET.leftJoin(TAXONOMY_ITEM).on(TAXONOMY_ITEM.CODE.eq(TICKET.ITEM_CODE));
    }

    /// The tickets a centre answers for: those it owns or first accepted; `null` centre: all.
    static Condition scope(String centreId) {
        return centreId == null ? DSL.trueCondition()
                : TICKET.OWNER_UNIT.eq(centreId).or(TICKET.ACCEPTING_UNIT.eq(centreId));
    }

    static Condition open() {
        return TICKET.STATE.notIn(TERMINAL);
    }

    /// A line read from a record holding [#FIELDS] (directly or through a derived table).
    static TicketLine read(Record r) {
        return new TicketLine(r.get(ID.getName(), Long.class), r.get(CODE.getName(), String.class),
                TicketState.valueOf(r.get(STATE.getName(), String.class)), r.get(ITEM.getName(), String.class),
                r.get(SUMMARY.getName(), String.class), r.get(GRID.getName(), String.class),
                r.get(ADDRESS.getName(), String.class), r.get(OWNER.getName(), String.class),
                instant(r.get(REPORTED.getName(), OffsetDateTime.class)), instant(r.get(DUE.getName(), OffsetDateTime.class)));
    }

    static OffsetDateTime odt(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(OffsetDateTime odt) {
        return odt == null ? null : odt.toInstant();
    }
}

package org.griddesk.store.ticket;

import static org.griddesk.store.jooq.Tables.TICKET;
import static org.griddesk.store.jooq.Tables.TICKET_EVENT;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.UpdateSetFirstStep;
import org.jooq.UpdateSetMoreStep;
import org.jooq.impl.DSL;

/// The two statements of every transition, the hottest writes GridDesk makes: the versioned
/// UPDATE of the ticket row and the INSERT of its event.
///
/// jOOQ still writes the SQL (in the right dialect, from the generated schema), but only once per
/// shape: the rendered text is kept and executed as a plain prepared statement. Rendering a query
/// costs about as much as H2 takes to run it, and a desk makes the same few shapes all day.
final class TicketWriter {
    static final List<Field<?>> EVENT_COLUMNS = List.of(TICKET_EVENT.TICKET_ID, TICKET_EVENT.TICKET_VERSION,
            TICKET_EVENT.ROUND_NO, TICKET_EVENT.EVENT_TYPE, TICKET_EVENT.ACTOR_ID, TICKET_EVENT.ACTOR_NAME,
            TICKET_EVENT.ACTOR_ROLE, TICKET_EVENT.ACTOR_UNIT, TICKET_EVENT.OCCURRED_AT, TICKET_EVENT.FROM_STATE,
            TICKET_EVENT.TO_STATE, TICKET_EVENT.REASON, TICKET_EVENT.DETAILS);

    private final DSLContext dsl;
    private final String insertEvent;
    private final Map<List<Field<?>>, String> updates = new ConcurrentHashMap<>();

    TicketWriter(DSLContext dsl) {
        this.dsl = dsl;
        this.insertEvent = dsl.render(dsl.insertInto(TICKET_EVENT).columns(EVENT_COLUMNS)
                .values(EVENT_COLUMNS.stream().map(f -> (Object) DSL.param(f.getName(), f.getDataType())).toList()));
    }

    /// `UPDATE ticket SET <changed> WHERE id = ? AND version = ?`; returns the rows updated (1 or 0).
    int update(Connection c, Map<Field<?>, Object> changed, long id, long expectedVersion) throws SQLException {
        List<Field<?>> shape = List.copyOf(changed.keySet());
        String sql = updates.computeIfAbsent(shape, this::renderUpdate);
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            for (Map.Entry<Field<?>, Object> e : changed.entrySet()) {
                bind(ps, i++, e.getKey(), e.getValue());
            }
            ps.setLong(i++, id);
            ps.setLong(i, expectedVersion);
            return ps.executeUpdate();
        }
    }

    String insertEventSql() {
        return insertEvent;
    }

    void insertEvent(Connection c, Object[] values) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(insertEvent)) {
            for (int i = 0; i < values.length; i++) {
                bind(ps, i + 1, EVENT_COLUMNS.get(i), values[i]);
            }
            ps.executeUpdate();
        }
    }

    private String renderUpdate(List<Field<?>> shape) {
        UpdateSetMoreStep<?> step = null;
        for (Field<?> f : shape) {
            step = step == null ? set(dsl.update(TICKET), f) : set(step, f);
        }
        return dsl.render(step.where(TICKET.ID.eq(DSL.param("id", Long.class)),
                TICKET.VERSION.eq(DSL.param("version", Long.class))));
    }

    @SuppressWarnings("unchecked")
    private static <T> UpdateSetMoreStep<?> set(UpdateSetFirstStep<?> step, Field<T> field) {
        return step.set(field, DSL.param(field.getName(), field.getDataType()));
    }

    @SuppressWarnings("unchecked")
    private static <T> UpdateSetMoreStep<?> set(UpdateSetMoreStep<?> step, Field<T> field) {
        return step.set(field, DSL.param(field.getName(), field.getDataType()));
    }

    private static void bind(PreparedStatement ps, int index, Field<?> field, Object value) throws SQLException {
        if (value == null) {
            ps.setNull(index, field.getDataType().getSQLType());
        } else {
            ps.setObject(index, value);
        }
    }
}

package org.griddesk.store.ticket;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Stream;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.UpdateSetFirstStep;
import org.jooq.UpdateSetMoreStep;
import org.jooq.impl.DSL;

/// `UPDATE table SET <some columns> WHERE <key columns> [AND also]`, rendered once by jOOQ and
/// bound from a whole row as [TicketSideRows] maps it: an event that changes a side row takes the
/// values it sets and the key that finds the row from the same mapping the inserts use.
///
/// @param sql   the rendered update, one `?` per set column, then one per key column
/// @param from  for each `?`, the index of its value in the mapped row
/// @param types for each `?`, its SQL type, for binding nulls
record SideRowUpdate(String sql, int[] from, int[] types) {

    /// The update of `set` in the row of `table` whose `keys` match, all of them among `columns`
    /// (the mapped row's order); `also` (or null) narrows the rows further.
    static SideRowUpdate of(DSLContext dsl, Table<?> table, List<Field<?>> columns, List<Field<?>> set,
                            List<Field<?>> keys, Condition also) {
        UpdateSetMoreStep<?> update = null;
        for (Field<?> f : set) {
            update = update == null ? set(dsl.update(table), f) : set(update, f);
        }
        Condition where = DSL.and(keys.stream().map(SideRowUpdate::isParam).toList());
        String sql = dsl.render(update.where(also == null ? where : where.and(also)));
        List<Field<?>> bound = Stream.concat(set.stream(), keys.stream()).toList();
        int[] from = bound.stream().mapToInt(f -> {
            int i = columns.indexOf(f);
            if (i < 0) {
                throw new IllegalArgumentException(f.getName() + " is not one of the mapped columns");
            }
            return i;
        }).toArray();
        return new SideRowUpdate(sql, from, bound.stream().mapToInt(f -> f.getDataType().getSQLType()).toArray());
    }

    private static <T> UpdateSetMoreStep<?> set(UpdateSetFirstStep<?> step, Field<T> f) {
        return step.set(f, DSL.param(f.getName(), f.getDataType()));
    }

    private static <T> UpdateSetMoreStep<?> set(UpdateSetMoreStep<?> step, Field<T> f) {
        return step.set(f, DSL.param(f.getName(), f.getDataType()));
    }

    private static <T> Condition isParam(Field<T> key) {
        return key.eq(DSL.param(key.getName(), key.getDataType()));
    }

    /// Runs the update with the values of `row`; returns the rows changed.
    int execute(Connection c, Object[] row) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < from.length; i++) {
                Object value = row[from[i]];
                if (value == null) {
                    ps.setNull(i + 1, types[i]);
                } else {
                    ps.setObject(i + 1, value);
                }
            }
            return ps.executeUpdate();
        }
    }
}

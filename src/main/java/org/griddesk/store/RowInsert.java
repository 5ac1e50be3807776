package org.griddesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;

/// One insert statement for loading many rows: rendered once by jOOQ for the store's dialect, then
/// sent as plain JDBC batches. Binding each row through jOOQ costs about four times what the store
/// itself spends on the row, which counts when a first start writes a district and two years of
/// tickets; the values must already be what JDBC takes for the column (strings, numbers, booleans,
/// `java.time` values, or null).
///
/// @param sql   the rendered insert, one `?` per column
/// @param types the SQL type of each column, for binding nulls
public record RowInsert(String sql, int[] types) {
    /// The insert of `columns` into `table`.
    public static RowInsert into(DSLContext dsl, Table<?> table, List<? extends Field<?>> columns) {
        return new RowInsert(dsl.render(dsl.insertInto(table).columns(columns)
                .values(columns.stream().map(f -> (Object) DSL.param(f.getName(), f.getDataType())).toList())),
                columns.stream().mapToInt(f -> f.getDataType().getSQLType()).toArray());
    }

    /// A batch of this insert on `connection`; close it when done.
    public Batch prepare(Connection connection) throws SQLException {
        return new Batch(connection.prepareStatement(sql), types);
    }

    /// Rows collected for one prepared insert, sent by [#send()].
    public static final class Batch implements AutoCloseable {
        private final PreparedStatement statement;
        private final int[] types;

        private Batch(PreparedStatement statement, int[] types) {
            this.statement = statement;
            this.types = types;
        }

        /// Adds one row: one value per column, in the insert's column order.
        public void add(Object[] values) throws SQLException {
            if (values.length != types.length) {
                throw new IllegalArgumentException("a row of " + values.length + " values for " + types.length + " columns");
            }
            for (int i = 0; i < values.length; i++) {
                if (values[i] == null) {
                    statement.setNull(i + 1, types[i]);
                } else {
                    statement.setObject(i + 1, values[i]);
                }
            }
            statement.addBatch();
        }

        public void addAll(List<Object[]> rows) throws SQLException {
            for (Object[] row : rows) {
                add(row);
            }
        }

        /// Sends the rows added since the last time.
        public void send() throws SQLException {
            statement.executeBatch();
        }

        @Override
        public void close() throws SQLException {
            statement.close();
        }
    }
}

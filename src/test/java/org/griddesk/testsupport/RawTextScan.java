package org.griddesk.testsupport;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;

/// Reads every text column of every table of the store's own schema with plain JDBC, as someone with
/// a copy of the database would, and says where any of the given texts occurs.
public final class RawTextScan {
    private static final Set<Integer> TEXT = Set.of(Types.VARCHAR, Types.CHAR, Types.LONGVARCHAR, Types.CLOB, Types.NVARCHAR,
            Types.NCHAR, Types.LONGNVARCHAR, Types.NCLOB, Types.OTHER);

    private RawTextScan() {
    }

    /// `table.column` for each cell holding one of `needles`; empty when none does.
    public static List<String> find(DataSource dataSource, Set<String> needles) throws SQLException {
        List<String> found = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            DatabaseMetaData meta = c.getMetaData();
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = meta.getTables(null, null, "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    String schema = rs.getString("TABLE_SCHEM");
                    if (schema != null && (schema.equalsIgnoreCase("public"))) {
                        tables.add(rs.getString("TABLE_NAME"));
                    }
                }
            }
            if (tables.isEmpty()) {
                throw new IllegalStateException("no tables found to scan");
            }
            for (String table : tables) {
                try (Statement s = c.createStatement(); ResultSet rows = s.executeQuery("SELECT * FROM \"" + table + "\"")) {
                    ResultSetMetaData columns = rows.getMetaData();
                    while (rows.next()) {
                        for (int i = 1; i <= columns.getColumnCount(); i++) {
                            if (!TEXT.contains(columns.getColumnType(i))) {
                                continue;
                            }
                            String cell = rows.getString(i);
                            if (cell != null && needles.stream().anyMatch(cell::contains)) {
                                found.add(table + "." + columns.getColumnName(i));
                            }
                        }
                    }
                }
            }
        }
        return found;
    }
}

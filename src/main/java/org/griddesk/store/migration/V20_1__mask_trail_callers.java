package org.griddesk.store.migration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.griddesk.store.ticket.TrailCallers;

/// Masks the callers that reports in the trail of an upgraded store hold in clear (the ticket rows
/// keep them, sealed by V20 and [org.griddesk.store.PersonalDataSweep]). The trail is append-only:
/// its guard is lifted for this migration's transaction only, and only reports are rewritten.
///
/// Flyway finds it as it finds the scripts: [org.griddesk.store.Database#migrate] lists this package
/// (`classpath:org/griddesk/store/migration`) among its locations.
public class V20_1__mask_trail_callers extends BaseJavaMigration {
    private static final int BATCH = 500;
    private final ObjectMapper json = new ObjectMapper();

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        boolean postgres = c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
        long after = -1;
        boolean guardLifted = false;
        try {
            while (true) {
                List<Object[]> masked = new ArrayList<>();
                long last = after;
                try (PreparedStatement read = c.prepareStatement("SELECT seq, details FROM ticket_event WHERE seq > ? "
                        + "AND event_type = 'Reported' ORDER BY seq FETCH FIRST " + BATCH + " ROWS ONLY")) {
                    read.setLong(1, after);
                    try (ResultSet rs = read.executeQuery()) {
                        while (rs.next()) {
                            last = rs.getLong(1);
                            JsonNode details = json.readTree(rs.getString(2));
                            if (TrailCallers.maskIn(details)) {
                                masked.add(new Object[] {json.writeValueAsString(details), last});
                            }
                        }
                    }
                }
                if (last == after) {
                    return;
                }
                if (!masked.isEmpty() && !guardLifted) {
                    guard(c, postgres, false);
                    guardLifted = true;
                }
                try (PreparedStatement write = c.prepareStatement("UPDATE ticket_event SET details = ? WHERE seq = ?")) {
                    for (Object[] row : masked) {
                        write.setString(1, (String) row[0]);
                        write.setLong(2, (Long) row[1]);
                        write.addBatch();
                    }
                    write.executeBatch();
                }
                after = last;
            }
        } finally {
            if (guardLifted) {
                guard(c, postgres, true);
            }
        }
    }

    /// The trail's append-only guard (db/vendor/*/V2_1) off or on again.
    private static void guard(Connection c, boolean postgres, boolean on) throws SQLException {
        try (Statement s = c.createStatement()) {
            if (postgres) {
                s.execute("ALTER TABLE ticket_event " + (on ? "ENABLE" : "DISABLE") + " TRIGGER ticket_event_append_only");
            } else if (on) {
                s.execute("CREATE TRIGGER ticket_event_no_update BEFORE UPDATE ON ticket_event FOR EACH ROW CALL "
                        + "'org.griddesk.store.AppendOnlyTrigger'");
            } else {
                s.execute("DROP TRIGGER ticket_event_no_update");
            }
        }
    }
}

package org.griddesk.store.backup;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/// Whether a store from outside (a backup to restore, a store built from an export) has the shape a
/// GridDesk store has, read from H2's information schema alone — before any of its own tables is read,
/// so that nothing the file defines runs when it is read (H2 itself replays a file's definitions when
/// it opens it; see docs on the limits of that): every table a plain table (no view, link or synonym that
/// would run a query or reach a file when read), no user-defined function, no other account than the
/// store's own, only GridDesk's triggers and all of those its tables need, and no expression in
/// defaults, generated columns or checks that reads or writes files.
public final class StoreShape {
    /// the tables every GridDesk store has since its first versions
    static final Set<String> REQUIRED = Set.of("flyway_schema_history", "TICKET", "TICKET_EVENT", "SYSTEM_PROPERTY");
    /// each guarded table and the triggers that guard it
    static final Map<String, Set<String>> GUARDS = Map.of(
            "TICKET_EVENT", Set.of("TICKET_EVENT_NO_UPDATE", "TICKET_EVENT_NO_DELETE"),
            "AUDIT_LOG", Set.of("AUDIT_LOG_GUARD"),
            "AUDIT_HEAD", Set.of("AUDIT_HEAD_GUARD"));
    static final Set<String> TRIGGER_CLASSES = Set.of("org.griddesk.store.AppendOnlyTrigger",
            "org.griddesk.store.security.AuditGuardTrigger");
    /// H2's built-in functions that read or write files or other databases
    static final List<String> FILE_FUNCTIONS = List.of("FILE_READ", "FILE_WRITE", "CSVREAD", "CSVWRITE", "LINK_SCHEMA");

    private StoreShape() {
    }

    /// Refuses (with `SQLException`, the reason in its message) a store that is not shaped as a
    /// GridDesk store; `user` is the store's own account.
    public static void check(Connection c, String user) throws SQLException {
        List<String> problems = new ArrayList<>();
        Map<String, String> tables = new HashMap<>();
        try (Statement s = c.createStatement()) {
            try (ResultSet r = s.executeQuery("SELECT TABLE_SCHEMA, TABLE_NAME, TABLE_TYPE, STORAGE_TYPE FROM INFORMATION_SCHEMA.TABLES "
                    + "WHERE TABLE_SCHEMA <> 'INFORMATION_SCHEMA'")) {
                while (r.next()) {
                    String name = r.getString(2);
                    if (!"PUBLIC".equals(r.getString(1))) {
                        problems.add("table " + r.getString(1) + "." + name + " outside the store's schema");
                    } else if (!"BASE TABLE".equals(r.getString(3))) {
                        problems.add(name + " is a " + r.getString(3).toLowerCase(Locale.ROOT) + ", not a table");
                    } else if (!Set.of("CACHED", "MEMORY").contains(String.valueOf(r.getString(4)))) {
                        // a linked table is a "BASE TABLE" too: it reads another database
                        problems.add(name + " is stored as " + r.getString(4) + ", not in the store");
                    }
                    tables.put(name, r.getString(3));
                }
            }
            REQUIRED.stream().filter(t -> !tables.containsKey(t)).sorted().forEach(t -> problems.add("no table " + t));
            try (ResultSet r = s.executeQuery("SELECT ROUTINE_SCHEMA, ROUTINE_NAME FROM INFORMATION_SCHEMA.ROUTINES "
                    + "WHERE ROUTINE_SCHEMA <> 'INFORMATION_SCHEMA'")) {
                while (r.next()) {
                    problems.add("function " + r.getString(2) + " defined in the store");
                }
            }
            try (ResultSet r = s.executeQuery("SELECT USER_NAME FROM INFORMATION_SCHEMA.USERS")) {
                while (r.next()) {
                    if (!r.getString(1).equalsIgnoreCase(user)) {
                        problems.add("account " + r.getString(1) + " besides the store's own");
                    }
                }
            }
            Map<String, List<String>> triggersOn = new HashMap<>();
            try (ResultSet r = s.executeQuery("SELECT TRIGGER_NAME, EVENT_OBJECT_TABLE, JAVA_CLASS FROM INFORMATION_SCHEMA.TRIGGERS")) {
                while (r.next()) {
                    if (!TRIGGER_CLASSES.contains(r.getString(3))) {
                        problems.add("trigger " + r.getString(1) + " runs " + (r.getString(3) == null ? "its own source" : r.getString(3)));
                    }
                    triggersOn.computeIfAbsent(r.getString(2), k -> new ArrayList<>()).add(r.getString(1));
                }
            }
            GUARDS.forEach((table, needed) -> {
                if (tables.containsKey(table)) {
                    needed.stream().filter(t -> !triggersOn.getOrDefault(table, List.of()).contains(t)).sorted()
                            .forEach(t -> problems.add("the guard " + t + " of " + table + " is missing"));
                }
            });
        }
        expressions(c, "SELECT TABLE_NAME || '.' || COLUMN_NAME, COALESCE(COLUMN_DEFAULT, '') || ' ' || COALESCE(GENERATION_EXPRESSION, '') "
                + "|| ' ' || COALESCE(COLUMN_ON_UPDATE, '') FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = 'PUBLIC'", problems);
        expressions(c, "SELECT CONSTRAINT_NAME, CHECK_CLAUSE FROM INFORMATION_SCHEMA.CHECK_CONSTRAINTS", problems);
        expressions(c, "SELECT DOMAIN_NAME, COALESCE(DOMAIN_DEFAULT, '') || ' ' || COALESCE(DOMAIN_ON_UPDATE, '') "
                + "FROM INFORMATION_SCHEMA.DOMAINS", problems);
        if (!problems.isEmpty()) {
            throw new SQLException("not shaped as a GridDesk store: " + String.join("; ", problems.subList(0, Math.min(5, problems.size())))
                    + (problems.size() > 5 ? " (and " + (problems.size() - 5) + " more)" : ""));
        }
    }

    private static void expressions(Connection c, String query, List<String> problems) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(query); ResultSet r = p.executeQuery()) {
            while (r.next()) {
                String expression = r.getString(2) == null ? "" : r.getString(2).toUpperCase(Locale.ROOT);
                for (String f : FILE_FUNCTIONS) {
                    if (expression.contains(f)) {
                        problems.add(r.getString(1) + " calls " + f);
                    }
                }
            }
        }
    }
}

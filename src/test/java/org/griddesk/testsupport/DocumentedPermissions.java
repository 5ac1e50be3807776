package org.griddesk.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.griddesk.domain.org.Permission;
import org.griddesk.domain.org.Role;

/// The permission table as docs/security.md prints it, read independently of the code's table, so
/// that tests hold the services to what the documentation promises.
public final class DocumentedPermissions {
    private static final Path DOC = Path.of("docs/security.md");

    private DocumentedPermissions() {
    }

    /// For each role, the permissions marked ✔ in its column.
    public static Map<Role, Set<Permission>> table() {
        List<String> rows = tableRows();
        List<Role> columns = new ArrayList<>();
        for (String cell : cells(rows.getFirst()).subList(2, cells(rows.getFirst()).size())) {
            columns.add(Role.valueOf(cell.replace("`", "")));
        }
        if (!EnumSet.copyOf(columns).equals(EnumSet.allOf(Role.class)) || columns.size() != Role.values().length) {
            throw new IllegalStateException("docs/security.md's table must have one column per role: " + columns);
        }
        Map<Role, Set<Permission>> table = new EnumMap<>(Role.class);
        columns.forEach(role -> table.put(role, EnumSet.noneOf(Permission.class)));
        Set<Permission> seen = EnumSet.noneOf(Permission.class);
        for (String row : rows.subList(2, rows.size())) {
            List<String> cells = cells(row);
            Permission permission = Permission.valueOf(cells.getFirst().replace("`", ""));
            if (!seen.add(permission)) {
                throw new IllegalStateException("docs/security.md lists " + permission + " twice");
            }
            for (int i = 0; i < columns.size(); i++) {
                String mark = cells.get(i + 2);
                if (mark.equals("✔")) {
                    table.get(columns.get(i)).add(permission);
                } else if (!mark.isEmpty()) {
                    throw new IllegalStateException("docs/security.md: " + permission + " has '" + mark + "' for " + columns.get(i));
                }
            }
        }
        if (!seen.equals(EnumSet.allOf(Permission.class))) {
            throw new IllegalStateException("docs/security.md misses " + EnumSet.complementOf(EnumSet.copyOf(seen)));
        }
        return table;
    }

    public static boolean allows(Role role, Permission permission) {
        return table().get(role).contains(permission);
    }

    private static List<String> tableRows() {
        try {
            List<String> lines = Files.readAllLines(DOC, StandardCharsets.UTF_8);
            int begin = indexOf(lines, "<!-- permission-table: begin");
            int end = indexOf(lines, "<!-- permission-table: end");
            return lines.subList(begin + 1, end).stream().filter(l -> l.startsWith("|")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int indexOf(List<String> lines, String prefix) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                return i;
            }
        }
        throw new IllegalStateException("docs/security.md has no line starting with " + prefix);
    }

    private static List<String> cells(String row) {
        String inner = row.strip().substring(1, row.strip().length() - 1);
        List<String> cells = new ArrayList<>();
        for (String cell : inner.split("\\|", -1)) {
            cells.add(cell.strip());
        }
        return cells;
    }
}

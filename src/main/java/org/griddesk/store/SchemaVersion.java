package org.griddesk.store;

import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/// A schema version as Flyway numbers migrations (`V20_1__…` is 20.1), and the two that matter to a
/// command that only reads: the latest this build migrates to, found from the migrations' names, and
/// the latest a store records. Comparing them takes a few milliseconds; starting Flyway to learn the
/// same (scanning the jar, validating every applied script) takes most of a second.
record SchemaVersion(int[] parts) implements Comparable<SchemaVersion> {
    /// where [Database]'s Flyway looks, `%s` the vendor folder
    private static final List<String> LOCATIONS = List.of("db/migration", "db/vendor/%s", "org/griddesk/store/migration");
    private static final Pattern VERSIONED = Pattern.compile("V(\\d+(?:[._]\\d+)*)__[^/]*\\.(?:sql|class)");

    static SchemaVersion parse(String version) {
        return new SchemaVersion(Arrays.stream(version.split("[._]")).mapToInt(Integer::parseInt).toArray());
    }

    /// The highest versioned migration of this build for a kind of store; empty when its migrations
    /// cannot be listed (a class path that is neither folders nor jars).
    static Optional<SchemaVersion> latestKnown(DatabaseKind kind) {
        SchemaVersion latest = null;
        for (String location : LOCATIONS) {
            List<String> names = names(location.formatted(kind.vendorFolder()));
            if (names == null) {
                return Optional.empty();
            }
            for (String name : names) {
                Matcher m = VERSIONED.matcher(name);
                if (m.matches() && !name.contains("$")) {
                    SchemaVersion v = parse(m.group(1));
                    latest = latest == null || v.compareTo(latest) > 0 ? v : latest;
                }
            }
        }
        return Optional.ofNullable(latest);
    }

    /// The highest version a store records as applied; empty when it has no history yet, or records
    /// a failed migration (Flyway must see to that).
    static Optional<SchemaVersion> ofStore(Connection connection) throws SQLException {
        SchemaVersion latest = null;
        try (Statement s = connection.createStatement();
                ResultSet rows = s.executeQuery("SELECT \"version\", \"success\" FROM \"flyway_schema_history\"")) {
            while (rows.next()) {
                if (!rows.getBoolean(2)) {
                    return Optional.empty();
                }
                String version = rows.getString(1);
                if (version != null) {
                    SchemaVersion v = parse(version);
                    latest = latest == null || v.compareTo(latest) > 0 ? v : latest;
                }
            }
        }
        return Optional.ofNullable(latest);
    }

    /// The file names in one folder of the class path, or null when it cannot be listed.
    private static List<String> names(String folder) {
        URL url = SchemaVersion.class.getClassLoader().getResource(folder);
        if (url == null) {
            return List.of();
        }
        try {
            return switch (url.getProtocol()) {
                case "file" -> {
                    try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
                        yield files.map(f -> f.getFileName().toString()).toList();
                    }
                }
                case "jar" -> {
                    JarURLConnection connection = (JarURLConnection) url.openConnection();
                    connection.setUseCaches(false);
                    List<String> names = new ArrayList<>();
                    try (JarFile jar = connection.getJarFile()) {
                        String prefix = connection.getEntryName() + "/";
                        jar.stream().map(e -> e.getName())
                                .filter(n -> n.startsWith(prefix) && n.length() > prefix.length() && n.indexOf('/', prefix.length()) < 0)
                                .forEach(n -> names.add(n.substring(prefix.length())));
                    }
                    yield names;
                }
                default -> null;
            };
        } catch (IOException | URISyntaxException e) {
            return null;
        }
    }

    @Override
    public int compareTo(SchemaVersion other) {
        for (int i = 0; i < Math.max(parts.length, other.parts.length); i++) {
            int a = i < parts.length ? parts[i] : 0;
            int b = i < other.parts.length ? other.parts[i] : 0;
            if (a != b) {
                return Integer.compare(a, b);
            }
        }
        return 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SchemaVersion v && compareTo(v) == 0;
    }

    @Override
    public int hashCode() {
        int length = parts.length;
        while (length > 1 && parts[length - 1] == 0) {
            length--; // 20.0 is 20
        }
        return Arrays.hashCode(Arrays.copyOf(parts, length));
    }

    @Override
    public String toString() {
        return String.join(".", Arrays.stream(parts).mapToObj(Integer::toString).toList());
    }
}

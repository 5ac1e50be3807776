package org.griddesk.store;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/// Where the store lives and how to log in.
///
/// @param url      JDBC URL (H2 file or PostgreSQL)
/// @param user     database user (may be empty for H2)
/// @param password database password (may be empty for H2); never logged
public record DatabaseSettings(String url, String user, String password) {
    private static final Pattern PG_TARGET = Pattern.compile("jdbc:postgresql://([^/?]*)/?([^?]*)");

    public DatabaseSettings {
        DatabaseKind.fromUrl(url);
        user = user == null ? "" : user;
        password = password == null ? "" : password;
    }

    /// The default: an H2 file database `griddesk.mv.db` in the data folder.
    public static DatabaseSettings embeddedH2(Path dataFolder) {
        Path file = dataFolder.resolve("db").resolve("griddesk").toAbsolutePath();
        // No AUTO_SERVER: it would open a TCP port on a government PC. A second process on the same
        // file (say `griddesk db migrate` while the desk runs) is refused with "in use" instead.
        return new DatabaseSettings("jdbc:h2:file:" + file.toString().replace('\\', '/'), "griddesk", "");
    }

    public DatabaseKind kind() {
        return DatabaseKind.fromUrl(url);
    }

    /// True for an embedded H2 file store whose file does not exist yet: this start creates it.
    public boolean isNewEmbeddedFile() {
        if (kind() != DatabaseKind.H2) {
            return false;
        }
        String target = describeTarget();
        if (target.startsWith("mem:") || target.startsWith("tcp:") || target.startsWith("ssl:") || target.startsWith("~")) {
            return false;
        }
        String file = target.startsWith("file:") ? target.substring("file:".length()) : target;
        return !java.nio.file.Files.exists(Path.of(file + ".mv.db"));
    }

    /// What the status bar and logs show: the target without credentials.
    public String describeTarget() {
        return switch (kind()) {
            case H2 -> {
                String rest = url.substring("jdbc:h2:".length());
                int semicolon = rest.indexOf(';');
                yield semicolon < 0 ? rest : rest.substring(0, semicolon);
            }
            case POSTGRESQL -> {
                Matcher m = PG_TARGET.matcher(url);
                yield m.lookingAt() ? m.group(1) + "/" + m.group(2) : url;
            }
        };
    }

    @Override
    public String toString() {
        return "DatabaseSettings[" + kind() + " " + describeTarget() + ", user=" + user + "]";
    }
}

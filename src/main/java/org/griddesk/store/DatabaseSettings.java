package org.griddesk.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/// Where the store lives, how to log in, and what a commit on the embedded store survives.
///
/// @param url        JDBC URL (H2 file or PostgreSQL)
/// @param user       database user (may be empty for H2)
/// @param password   database password (may be empty for H2); never logged
/// @param durability what a commit on an embedded H2 store has survived when it returns (PostgreSQL:
///                   its server's settings decide)
public record DatabaseSettings(String url, String user, String password, CommitDurability durability) {
    private static final Pattern PG_TARGET = Pattern.compile("jdbc:postgresql://([^/?]*)/?([^?]*)");

    public DatabaseSettings {
        DatabaseKind.fromUrl(url);
        user = user == null ? "" : user;
        password = password == null ? "" : password;
        durability = durability == null ? CommitDurability.PROCESS : durability;
    }

    /// Commits that survive the process ([CommitDurability#PROCESS]), the default.
    public DatabaseSettings(String url, String user, String password) {
        this(url, user, password, CommitDurability.PROCESS);
    }

    public DatabaseSettings withDurability(CommitDurability commits) {
        return new DatabaseSettings(url, user, password, commits);
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

    /// True when an H2 URL sets the H2 setting `name` itself (`jdbc:h2:file:…;NAME=value`): GridDesk
    /// then leaves that setting as the URL has it.
    public boolean urlSetsH2(String name) {
        if (kind() != DatabaseKind.H2) {
            return false;
        }
        String[] parts = url.split(";");
        for (int i = 1; i < parts.length; i++) {
            int equals = parts[i].indexOf('=');
            String key = (equals < 0 ? parts[i] : parts[i].substring(0, equals)).strip();
            if (key.equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    /// True for an embedded H2 file store whose file does not exist yet: this start creates it.
    public boolean isNewEmbeddedFile() {
        return embeddedFile().map(file -> !Files.exists(Path.of(file + ".mv.db"))).orElse(false);
    }

    /// An embedded H2 file store's file, without H2's `.mv.db` ending; empty for any other store.
    public Optional<Path> embeddedFile() {
        if (kind() != DatabaseKind.H2) {
            return Optional.empty();
        }
        String target = describeTarget();
        if (target.startsWith("mem:") || target.startsWith("tcp:") || target.startsWith("ssl:") || target.startsWith("~")) {
            return Optional.empty();
        }
        return Optional.of(Path.of(target.startsWith("file:") ? target.substring("file:".length()) : target));
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
        return "DatabaseSettings[" + kind() + " " + describeTarget() + ", user=" + user
                + (kind() == DatabaseKind.H2 ? ", durability=" + durability.configValue() : "") + "]";
    }
}

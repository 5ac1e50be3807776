package org.griddesk.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/// Where a desk keeps its configuration, embedded database and logs.
///
/// Windows: `%LOCALAPPDATA%\GridDesk`; Linux: `$XDG_DATA_HOME/griddesk` or
/// `~/.local/share/griddesk`; macOS: `~/Library/Application Support/GridDesk`. `--data-dir` wins.
public record DataFolder(Path root) {
    public static final String CONFIG_FILE = "griddesk.properties";

    public DataFolder {
        root = root.toAbsolutePath().normalize();
    }

    /// The platform default for this user, from the operating system name and environment.
    public static DataFolder platformDefault(String osName, Map<String, String> env, Path userHome) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String local = env.get("LOCALAPPDATA");
            Path base = local != null && !local.isBlank() ? Path.of(local) : userHome.resolve("AppData").resolve("Local");
            return new DataFolder(base.resolve("GridDesk"));
        }
        if (os.startsWith("mac")) {
            return new DataFolder(userHome.resolve("Library").resolve("Application Support").resolve("GridDesk"));
        }
        String xdg = env.get("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()
                ? Path.of(xdg) : userHome.resolve(".local").resolve("share");
        return new DataFolder(base.resolve("griddesk"));
    }

    /// `--data-dir` when given, else the platform default for the running JVM.
    public static DataFolder resolve(Path override) {
        if (override != null) {
            return new DataFolder(override);
        }
        return platformDefault(System.getProperty("os.name"), System.getenv(), Path.of(System.getProperty("user.home")));
    }

    public Path configFile() {
        return root.resolve(CONFIG_FILE);
    }

    public Path logs() {
        return root.resolve("logs");
    }

    /// Creates the folder and its log folder if missing.
    public DataFolder ensureExists() {
        try {
            Files.createDirectories(logs());
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data folder " + root, e);
        }
    }
}

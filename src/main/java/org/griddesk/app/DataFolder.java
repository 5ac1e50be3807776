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
/// `~/.local/share/griddesk`; macOS: `~/Library/Application Support/GridDesk`. `--data-dir` wins. Never the
/// folder the program is installed in ([#apartFrom]).
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

    /// `--data-dir` when given, else the platform default for the running JVM, kept apart from the installed
    /// program's folder (a jpackage launcher names itself in `jpackage.app-path`).
    public static DataFolder resolve(Path override) {
        if (override != null) {
            return new DataFolder(override);
        }
        DataFolder platform = platformDefault(System.getProperty("os.name"), System.getenv(), Path.of(System.getProperty("user.home")));
        String launcher = System.getProperty("jpackage.app-path");
        return launcher == null || launcher.isBlank() ? platform : platform.apartFrom(installFolder(Path.of(launcher)));
    }

    /// The folder an installed launcher belongs to: `…/GridDesk` for Windows' `…/GridDesk/GridDesk.exe`,
    /// `/opt/griddesk` for Linux's `/opt/griddesk/bin/GridDesk`.
    static Path installFolder(Path launcher) {
        Path folder = launcher.toAbsolutePath().normalize().getParent();
        return folder.getFileName() != null && folder.getFileName().toString().equals("bin") ? folder.getParent() : folder;
    }

    /// This folder, or when the program is installed in it or it in the program (a per-user install into
    /// `%LOCALAPPDATA%\GridDesk` itself), the sibling `…-data`: an uninstall or upgrade replaces the install
    /// folder, and must never take the store, keys and backups with it.
    public DataFolder apartFrom(Path installFolder) {
        Path install = installFolder.toAbsolutePath().normalize();
        if (root.startsWith(install) || install.startsWith(root)) {
            return new DataFolder(root.resolveSibling(root.getFileName() + "-data"));
        }
        return this;
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

package org.griddesk.testsupport;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/// A real PostgreSQL server for tests, started from the PostgreSQL binaries that zonky publishes on
/// Maven Central (no Docker, no installed server, no network).
///
/// zonky's own `EmbeddedPostgres` cannot run as root, and CI runs as root: PostgreSQL refuses to
/// start as root. So when the JVM is root this class starts `initdb` and `pg_ctl` as the
/// unprivileged user `nobody` (through util-linux `setpriv`); otherwise as the current user.
/// One server per JVM, started on first use, stopped at exit; each test takes a fresh database.
public final class EmbeddedPostgresServer {
    private static final String[] ARCHIVES = {
        "postgres-linux-x86_64.txz", "postgres-linux-arm_64.txz", "postgres-windows-x86_64.txz",
        "postgres-darwin-x86_64.txz", "postgres-darwin-arm_64.txz"};
    private static final String UNPRIVILEGED_USER = "nobody";
    private static EmbeddedPostgresServer instance;

    private final Path binaries;
    private final Path dataDir;
    private final int port;
    private final boolean dropPrivileges;
    private final boolean durable;
    private final AtomicInteger databaseCounter = new AtomicInteger();

    private EmbeddedPostgresServer(Path binaries, Path dataDir, int port, boolean dropPrivileges, boolean durable) {
        this.durable = durable;
        this.binaries = binaries;
        this.dataDir = dataDir;
        this.port = port;
        this.dropPrivileges = dropPrivileges;
    }

    /// The shared server, started on first call.
    public static synchronized EmbeddedPostgresServer shared() {
        if (instance == null) {
            instance = start(false);
            Runtime.getRuntime().addShutdownHook(new Thread(instance::stop, "embedded-postgres-stop"));
        }
        return instance;
    }

    /// A server of its own, for tests that stop and start it (outages); the caller closes it with
    /// [#destroy]. Same binaries, its own data folder and port.
    /// Commits are synchronous here (a commit acknowledged is in the WAL the kernel holds), so a kill
    /// loses nothing acknowledged, as on a real server.
    public static EmbeddedPostgresServer startPrivate() {
        return start(true);
    }

    /// Kills the server as a crash or a pulled cable would (`pg_ctl stop -m immediate`): every
    /// connection breaks at once, nothing is shut down cleanly.
    public void kill() {
        run(List.of(tool("pg_ctl"), "-D", dataDir.toString(), "-m", "immediate", "-w", "stop"));
    }

    /// Starts the killed server again on the same port and data (it recovers from its WAL).
    public void restart() {
        startServer();
    }

    /// Stops the server for good and deletes its data.
    public void destroy() {
        stop();
    }

    public int port() {
        return port;
    }

    public String adminUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    /// Creates an empty database and returns its JDBC URL (user `postgres`, no password).
    public String createDatabase(String prefix) {
        String name = (prefix + "_" + databaseCounter.incrementAndGet()).toLowerCase(Locale.ROOT);
        try (Connection c = DriverManager.getConnection(adminUrl(), "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name, e);
        }
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + name;
    }

    private static EmbeddedPostgresServer start(boolean durable) {
        try {
            Path binaries = extractBinaries();
            boolean root = isRoot();
            Path data = Files.createTempDirectory("griddesk-pgdata-");
            if (root) {
                Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwx------"));
                UserPrincipal nobody = FileSystems.getDefault().getUserPrincipalLookupService()
                        .lookupPrincipalByName(UNPRIVILEGED_USER);
                Files.setOwner(data, nobody);
            }
            int port = freePort();
            EmbeddedPostgresServer server = new EmbeddedPostgresServer(binaries, data, port, root, durable);
            server.run(List.of(server.tool("initdb"), "-A", "trust", "-U", "postgres", "-D", data.toString(),
                    "-E", "UTF8", "--no-locale", "--no-sync"));
            server.startServer();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
        }
    }

    private void startServer() {
        run(List.of(tool("pg_ctl"), "-D", dataDir.toString(), "-l", dataDir.resolve("server.log").toString(),
                "-w", "-t", "60", "-o",
                "-p " + port + " -h 127.0.0.1 -k " + dataDir + " -F -c synchronous_commit=" + (durable ? "on" : "off")
                        + " -c full_page_writes=off -c max_connections=200",
                "start"));
    }

    private void stop() {
        try {
            run(List.of(tool("pg_ctl"), "-D", dataDir.toString(), "-m", "immediate", "-w", "stop"));
        } catch (RuntimeException e) {
            // the JVM is exiting: nothing more to do than try
        }
        deleteQuietly(dataDir);
    }

    private String tool(String name) {
        boolean windows = System.getProperty("os.name").toLowerCase(Locale.ROOT).startsWith("windows");
        return binaries.resolve("bin").resolve(windows ? name + ".exe" : name).toString();
    }

    private void run(List<String> command) {
        List<String> full = new ArrayList<>();
        if (dropPrivileges) {
            full.addAll(List.of("setpriv", "--reuid=" + UNPRIVILEGED_USER, "--regid=nogroup", "--clear-groups"));
        }
        full.addAll(command);
        try {
            Path log = Files.createTempFile("griddesk-pg-cmd-", ".log");
            Process process = new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("timed out: " + full);
            }
            String output = Files.readString(log);
            Files.deleteIfExists(log);
            if (process.exitValue() != 0) {
                throw new IllegalStateException("failed (" + process.exitValue() + "): " + full + "\n" + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /// Unpacks the binaries once per machine into the temp folder; later JVMs reuse them.
    private static Path extractBinaries() throws IOException {
        for (String archive : ARCHIVES) {
            try (InputStream in = EmbeddedPostgresServer.class.getClassLoader().getResourceAsStream(archive)) {
                if (in == null) {
                    continue;
                }
                Path target = Path.of(System.getProperty("java.io.tmpdir"), "griddesk-pg-" + archive.replace(".txz", ""));
                if (Files.exists(target.resolve(".complete"))) {
                    return target;
                }
                Path staging = Files.createTempDirectory(target.getParent(), "griddesk-pg-staging-");
                untar(in, staging);
                Files.writeString(staging.resolve(".complete"), archive);
                try {
                    Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException raced) {
                    deleteQuietly(staging); // another JVM won: use its copy
                }
                if (isPosix()) {
                    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
                }
                return target;
            }
        }
        throw new IllegalStateException("no PostgreSQL binaries on the test class path for this platform");
    }

    private static void untar(InputStream archive, Path dir) throws IOException {
        try (TarArchiveInputStream tar = new TarArchiveInputStream(
                new XZCompressorInputStream(new BufferedInputStream(archive)))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path out = dir.resolve(entry.getName()).normalize();
                if (!out.startsWith(dir)) {
                    throw new IOException("archive entry outside the target: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(out.getParent());
                    Files.createSymbolicLink(out, Path.of(entry.getLinkName()));
                } else {
                    Files.createDirectories(out.getParent());
                    Files.copy(tar, out, StandardCopyOption.REPLACE_EXISTING);
                    if (isPosix()) {
                        Files.setPosixFilePermissions(out, permissions(entry.getMode()));
                    }
                }
            }
        }
        if (isPosix()) {
            try (Stream<Path> dirs = Files.walk(dir)) {
                for (Path d : dirs.filter(Files::isDirectory).toList()) {
                    Files.setPosixFilePermissions(d, PosixFilePermissions.fromString("rwxr-xr-x"));
                }
            }
        }
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        boolean executable = (mode & 0100) != 0;
        return PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--");
    }

    private static boolean isPosix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    private static boolean isRoot() {
        if (!isPosix()) {
            return false;
        }
        try {
            Process id = new ProcessBuilder("id", "-u").redirectErrorStream(true).start();
            return "0".equals(new String(id.getInputStream().readAllBytes()).trim());
        } catch (IOException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // best effort: it is a temp folder
        }
    }
}

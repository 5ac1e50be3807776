package org.griddesk.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Properties;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.output.MigrateResult;
import org.griddesk.store.backup.BackupFolder;
import org.griddesk.store.backup.StoreBackup;
import org.griddesk.store.backup.StoreFormat;
import org.jooq.DSLContext;
import org.jooq.ExecuteListener;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.jooq.impl.DefaultConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// The store: a connection pool, Flyway migrations and a jOOQ context, for H2 or PostgreSQL.
///
/// Generated jOOQ names are rendered unquoted so that each database folds them its own way
/// (H2 to upper case, PostgreSQL to lower case) and one schema serves both.
public final class Database implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Database.class);
    /// H2's error code for "admin rights are required for this operation"
    private static final int H2_ADMIN_RIGHTS_REQUIRED = 90040;

    private final DatabaseSettings settings;
    private final HikariDataSource pool;
    private final DataSource dataSource;
    private final DSLContext dsl;
    private final DSLContext loadingDsl;
    private final ThreadGuard guard;
    private final Object probeLock = new Object();
    private Connection probe;

    private Database(DatabaseSettings settings, HikariDataSource pool, ThreadGuard guard, CommitFlush commits) {
        this.settings = settings;
        this.pool = pool;
        this.guard = guard;
        this.dataSource = new GuardedDataSource(pool, guard, commits == null ? UnaryOperator.identity() : commits::onCommit);
        if (commits == null) {
            this.dsl = context(dataSource, settings.kind());
            this.loadingDsl = dsl;
        } else {
            this.dsl = context(dataSource, settings.kind(), commits.singleStatements());
            this.loadingDsl = context(new GuardedDataSource(pool, guard, UnaryOperator.identity()), settings.kind());
        }
    }

    private static DSLContext context(DataSource dataSource, DatabaseKind kind, ExecuteListener... listeners) {
        return DSL.using(new DefaultConfiguration().set(dataSource).set(kind.dialect()).set(listeners).set(
                new Settings().withRenderQuotedNames(RenderQuotedNames.EXPLICIT_DEFAULT_UNQUOTED)
                        // GridDesk logs what matters itself; jOOQ's per-query listener only costs time
                        .withExecuteLogging(false)
                        // bind OffsetDateTime as itself (JDBC 4.2), not as a string the database parses again
                        .withBindOffsetDateTimeType(true)));
    }

    /// Opens the pool (and so checks that the database answers). Call off the UI thread.
    public static Database open(DatabaseSettings settings, ThreadGuard guard) {
        if (guard.isForbiddenThread()) {
            throw new ForbiddenThreadException(Thread.currentThread().getName());
        }
        // a store file in a format this H2 cannot read is refused untouched, with the way across (StoreFormat)
        settings.embeddedFile().ifPresent(file -> StoreFormat.check(Path.of(file + ".mv.db")));
        HikariConfig config = new HikariConfig();
        config.setPoolName("griddesk");
        config.setJdbcUrl(settings.url());
        if (!settings.user().isEmpty()) {
            config.setUsername(settings.user());
        }
        config.setPassword(settings.password());
        if (settings.kind() == DatabaseKind.H2 && !settings.urlSetsH2("MAX_COMPACT_TIME")) {
            // H2 compacts its file for a second or more when the last connection closes; its own
            // background housekeeping already rewrites sparse chunks while the store runs, so closing
            // (the desk's exit, the end of a first start's `demo generate`) need not wait for it
            config.addDataSourceProperty("MAX_COMPACT_TIME", "0");
        }
        // an embedded store serves one desk: at its first start the district's save, the history's
        // two writers (tickets, and their trails a chunk behind) and the desk's reads share the pool
        config.setMaximumPoolSize(settings.kind() == DatabaseKind.H2 ? 5 : 8);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(Duration.ofSeconds(5).toMillis());
        config.setValidationTimeout(Duration.ofSeconds(2).toMillis());
        log.info("opening {} store at {}", settings.kind(), settings.describeTarget());
        HikariDataSource pool = new HikariDataSource(config);
        try {
            sizeCache(settings, pool);
            return new Database(settings, pool, guard, commitFlush(settings, pool));
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    /// H2's page cache for an embedded store, in KB: a quarter of the heap, from H2's own 64 MB up to
    /// 512 MB. H2's default of 64 MB holds a fraction of a district's two years (about 250 MB on
    /// disk): a month's assessment then reads most of the ticket table back from the file each time
    /// (the open work at the month's end looks at every ticket), about five times slower than from
    /// the cache (`-Dbench=Kpi`, see docs/assessment.md).
    static long h2CacheKilobytes(long maxHeapBytes) {
        long quarter = maxHeapBytes / 4 / 1024;
        return Math.clamp(quarter, 64L * 1024, 512L * 1024);
    }

    /// Gives an embedded store the cache of [#h2CacheKilobytes], unless its URL sets one or its user may
    /// not (H2 lets administrators only): then H2's own stays.
    private static void sizeCache(DatabaseSettings settings, DataSource pool) {
        if (settings.kind() != DatabaseKind.H2 || settings.urlSetsH2("CACHE_SIZE")) {
            return;
        }
        try (Connection c = pool.getConnection(); var statement = c.createStatement()) {
            statement.execute("SET CACHE_SIZE " + h2CacheKilobytes(Runtime.getRuntime().maxMemory()));
        } catch (SQLException e) {
            if (e.getErrorCode() != H2_ADMIN_RIGHTS_REQUIRED) {
                throw new IllegalStateException("cannot size the cache of " + settings.describeTarget(), e);
            }
            log.info("the H2 user '{}' is no administrator: H2's own cache size stays", settings.user());
        }
    }

    /// How an embedded store's commits reach its file before they return ([CommitFlush]); null when
    /// nothing is to be done: on PostgreSQL (the server's commit is as durable as its settings make
    /// it), when the URL sets H2's `WRITE_DELAY` itself (that is the user's choice), and when the
    /// user may not write checkpoints (H2 allows them to administrators only).
    private static CommitFlush commitFlush(DatabaseSettings settings, DataSource pool) {
        if (settings.kind() != DatabaseKind.H2) {
            return null;
        }
        if (settings.urlSetsH2("WRITE_DELAY")) {
            log.info("the database URL sets WRITE_DELAY: commits reach the file as H2 writes them, "
                    + "db.durability={} does not apply", settings.durability().configValue());
            return null;
        }
        CommitFlush commits = new CommitFlush(settings.durability());
        try (Connection c = pool.getConnection()) {
            commits.afterCommit(c);
        } catch (SQLException e) {
            if (e.getErrorCode() == H2_ADMIN_RIGHTS_REQUIRED) {
                log.warn("the H2 user '{}' is no administrator and may not write checkpoints: commits reach the file "
                        + "up to H2's write delay (0.5 s) after they return, and a crash may lose them", settings.user());
                return null;
            }
            throw new IllegalStateException("cannot write a checkpoint on " + settings.describeTarget(), e);
        }
        log.info("each commit is {} before it returns (db.durability={})",
                commits.durability() == CommitDurability.POWER ? "written to the file and forced to the disk" : "written to the file",
                commits.durability().configValue());
        return commits;
    }

    /// Brings the schema up to date. The same scripts serve H2 and PostgreSQL. An embedded store made by
    /// an earlier version is backed up first ([#backupsFolder]): an upgrade that goes wrong loses nothing.
    public MigrationReport migrate() {
        Flyway flyway = flyway();
        backUpBeforeUpgrade(flyway);
        MigrateResult result = flyway.migrate();
        String version = result.targetSchemaVersion != null ? result.targetSchemaVersion
                : flyway.info().current() != null ? flyway.info().current().getVersion().getVersion() : "0";
        log.info("schema at version {} ({} migrations applied)", version, result.migrationsExecuted);
        return new MigrationReport(result.migrationsExecuted, version);
    }

    /// For a command that only reads (`grids locate`): migrates as [#migrate] does unless the store
    /// already records this build's latest migration, all of them applied. Flyway is then not
    /// started: its scan of the jar and its validation of every applied script are most of such a
    /// command's time. A store behind, ahead of this build, with a failed migration or no history at
    /// all goes through Flyway as always; what the shortcut leaves unchecked is an applied script
    /// edited since, which the next desk or `db migrate` refuses.
    public void migrateUnlessCurrent() {
        Optional<SchemaVersion> known = SchemaVersion.latestKnown(settings.kind());
        if (known.isPresent()) {
            try (Connection connection = dataSource.getConnection()) {
                if (SchemaVersion.ofStore(connection).equals(known)) {
                    log.info("schema at version {}: current", known.get());
                    return;
                }
            } catch (SQLException noHistoryYet) {
                log.debug("no schema history to read ({}): migrating", noHistoryYet.getMessage());
            }
        }
        migrate();
    }

    private void backUpBeforeUpgrade(Flyway flyway) {
        MigrationInfoService info = flyway.info();
        MigrationInfo[] pending = info.pending();
        if (backupsFolder().isEmpty() || info.current() == null || pending.length == 0) {
            return;
        }
        String to = pending[pending.length - 1].getVersion() == null ? "latest" : pending[pending.length - 1].getVersion().getVersion();
        Path backup = new BackupFolder(backupsFolder().get(), Clock.systemUTC(), ZoneId.systemDefault()).beforeUpgrade(to);
        log.info("the store is at version {}, {} migrations to apply: backing it up first to {}",
                info.current().getVersion(), pending.length, backup);
        try {
            StoreBackup.write(this, backup);
        } catch (org.jooq.exception.DataAccessException e) {
            if (!(e.getCause() instanceof SQLException s) || s.getErrorCode() != H2_ADMIN_RIGHTS_REQUIRED) {
                throw e; // no upgrade without its backup
            }
            log.warn("the H2 user '{}' is no administrator and may not back the store up: it is upgraded without a backup",
                    settings.user());
        }
    }

    /// Where an embedded file store's backups go by default: `backups/` in the data folder (beside its
    /// `db/`); empty for any other store.
    public Optional<Path> backupsFolder() {
        return settings.embeddedFile().map(file -> file.toAbsolutePath().getParent().resolveSibling("backups"));
    }

    private Flyway flyway() {
        return Flyway.configure()
                .dataSource(dataSource)
                // portable scripts, plus the few a vendor needs of its own (e.g. append-only triggers)
                // and Java migrations that rewrite data (V20_1: the trail's callers masked)
                .locations("classpath:db/migration", "classpath:db/vendor/" + settings.kind().vendorFolder(),
                        "classpath:org/griddesk/store/migration")
                .failOnMissingLocations(true)
                .load();
    }

    /// True when the database answers within the timeout; never throws.
    ///
    /// A server is asked on a connection of the check's own, opened with the timeout as its connect
    /// and socket timeout and kept between checks: the pool would first wait its whole connection
    /// timeout for a server that is gone, and the desk must show an outage within seconds.
    public boolean isReachable(Duration timeout) {
        if (guard.isForbiddenThread()) {
            log.error("database health checked on the UI thread '{}': refused", Thread.currentThread().getName());
            return false;
        }
        if (settings.kind() != DatabaseKind.POSTGRESQL) {
            try (Connection connection = dataSource.getConnection()) {
                return connection.isValid((int) Math.max(1, timeout.toSeconds()));
            } catch (SQLException | RuntimeException e) {
                log.debug("database not reachable: {}", e.getMessage());
                return false;
            }
        }
        synchronized (probeLock) {
            try {
                if (probe == null || probe.isClosed()) {
                    probe = openProbe(timeout);
                }
                if (probe.isValid((int) Math.max(1, timeout.toSeconds()))) {
                    return true;
                }
            } catch (SQLException | RuntimeException e) {
                log.debug("database not reachable: {}", e.getMessage());
            }
            closeProbe();
            return false;
        }
    }

    private Connection openProbe(Duration timeout) throws SQLException {
        Properties properties = new Properties();
        if (!settings.user().isEmpty()) {
            properties.setProperty("user", settings.user());
        }
        properties.setProperty("password", settings.password());
        String seconds = Long.toString(Math.max(1, timeout.toSeconds()));
        properties.setProperty("connectTimeout", seconds);
        properties.setProperty("loginTimeout", seconds);
        properties.setProperty("socketTimeout", Long.toString(Math.max(2, timeout.toSeconds() * 2)));
        properties.setProperty("ApplicationName", "griddesk-monitor");
        return DriverManager.getConnection(settings.url(), properties);
    }

    private void closeProbe() {
        if (probe != null) {
            try {
                probe.close();
            } catch (SQLException ignored) {
                // it is broken anyway
            }
            probe = null;
        }
    }

    public DSLContext dsl() {
        return dsl;
    }

    /// Gives the store's repositories the desk's data keys (or none): see [PersonalDataVault].
    public Database usePersonalData(PersonalDataVault vault) {
        dsl.configuration().data(PersonalDataVault.CONFIGURATION_KEY, vault);
        loadingDsl.configuration().data(PersonalDataVault.CONFIGURATION_KEY, vault);
        return this;
    }

    public PersonalDataVault personalData() {
        return PersonalDataVault.of(dsl);
    }

    /// The store for a load of many rows that no one is told about one by one (a first start's
    /// two-years history): on the embedded store its commits return before they are in the file,
    /// which H2 writes within its write delay (0.5 s), as a checkpoint after every chunk would make
    /// the first start slower and its file larger. The next commit through [#dsl()] writes them
    /// along with its own, and a load cut short resumes where the file says it stopped. On
    /// PostgreSQL the same as [#dsl()].
    public DSLContext loadingDsl() {
        return loadingDsl;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /// After a bulk load (a history written): PostgreSQL plans by its statistics of each table, which
    /// its autovacuum gathers only a while later; until then a month's assessment was planned as for
    /// empty tables. H2 needs nothing.
    public void refreshStatistics() {
        if (kind() == DatabaseKind.POSTGRESQL) {
            dsl().execute("ANALYZE");
        }
    }

    public DatabaseSettings settings() {
        return settings;
    }

    public DatabaseKind kind() {
        return settings.kind();
    }

    @Override
    public void close() {
        synchronized (probeLock) {
            closeProbe();
        }
        pool.close();
    }
}

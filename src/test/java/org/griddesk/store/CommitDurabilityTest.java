package org.griddesk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.griddesk.store.jooq.Tables.CHANNEL_KEY;
import static org.griddesk.store.jooq.Tables.SYSTEM_PROPERTY;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.griddesk.domain.ticket.Channel;
import org.griddesk.store.security.ChannelKeyRepository;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/// On the embedded store a commit is in the database file when `commit()` returns, whichever way it
/// commits (jOOQ's transactions, a plain JDBC commit, a single statement run by jOOQ outside a
/// transaction): a copy of the file taken at that moment, which
/// is what a process killed then leaves behind, holds it. H2 alone writes commits up to half a
/// second later (GatewayCrashTest shows what that cost). The kill itself: GatewayCrashTest.
class CommitDurabilityTest {
    @TempDir
    Path temp;

    @ParameterizedTest
    @EnumSource(CommitDurability.class)
    void everyCommitIsInTheFileWhenItReturns(CommitDurability durability) throws Exception {
        Path live = temp.resolve("live");
        try (Database db = Database.open(DatabaseSettings.embeddedH2(live).withDurability(durability), ThreadGuard.NONE)) {
            db.migrate();
            SystemPropertyRepository properties = new SystemPropertyRepository(db.dsl(), Clock.systemUTC());
            for (int i = 1; i <= 5; i++) {
                properties.put("crash.test." + i, "committed " + i); // a jOOQ transaction
                assertThat(leftBehind(live, "crash.test." + i)).as("jOOQ commit %d", i).contains("committed " + i);

                try (Connection c = db.dataSource().getConnection()) {
                    c.setAutoCommit(false);
                    try (PreparedStatement insert = c.prepareStatement(
                            "insert into system_property (property_key, property_value, updated_at) values (?, ?, current_timestamp)")) {
                        insert.setString(1, "crash.jdbc." + i);
                        insert.setString(2, "committed " + i);
                        insert.executeUpdate();
                    }
                    c.commit();
                    c.setAutoCommit(true);
                }
                assertThat(leftBehind(live, "crash.jdbc." + i)).as("JDBC commit %d", i).contains("committed " + i);

                db.dsl().insertInto(SYSTEM_PROPERTY).set(SYSTEM_PROPERTY.PROPERTY_KEY, "crash.single." + i)
                        .set(SYSTEM_PROPERTY.PROPERTY_VALUE, "committed " + i)
                        .set(SYSTEM_PROPERTY.UPDATED_AT, OffsetDateTime.now(ZoneOffset.UTC)).execute();
                assertThat(leftBehind(live, "crash.single." + i)).as("single statement %d", i).contains("committed " + i);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(CommitDurability.class)
    void aKeyMadeWhileTheStoreRunsIsInTheFileWhenItIsGiven(CommitDurability durability) throws Exception {
        Path live = temp.resolve("live");
        try (Database db = Database.open(DatabaseSettings.embeddedH2(live).withDurability(durability), ThreadGuard.NONE)) {
            db.migrate();
            var keys = new ChannelKeyRepository(db.dsl(), Clock.systemUTC());
            for (int i = 1; i <= 3; i++) {
                long id = keys.add(Channel.HOTLINE_8890, "key " + i, "digest-" + i).id(); // insert … returning
                Path copy = copyOf(live);
                try (Database left = Database.open(DatabaseSettings.embeddedH2(copy), ThreadGuard.NONE)) {
                    assertThat(left.dsl().fetchCount(CHANNEL_KEY, CHANNEL_KEY.ID.eq(id))).as("key %d", i).isEqualTo(1);
                }
            }
        }
    }

    /// What a copy of the live file, as it is now, holds under `key`: the copy is opened as a store
    /// that was left by a killed process (H2 recovers it).
    private Optional<String> leftBehind(Path live, String key) throws Exception {
        try (Database db = Database.open(DatabaseSettings.embeddedH2(copyOf(live)), ThreadGuard.NONE)) {
            return new SystemPropertyRepository(db.dsl(), Clock.systemUTC()).find(key).map(SystemProperty::value);
        }
    }

    /// A data folder holding the live store's file as it is now.
    private Path copyOf(Path live) throws Exception {
        Path copy = Files.createTempDirectory(temp, "left-behind-");
        Files.createDirectories(copy.resolve("db"));
        Files.copy(live.resolve("db/griddesk.mv.db"), copy.resolve("db/griddesk.mv.db"));
        return copy;
    }
}

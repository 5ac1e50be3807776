package org.griddesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import org.griddesk.domain.ticket.Channel;
import org.griddesk.security.ApiKeys;
import org.griddesk.store.Database;
import org.griddesk.store.DatabaseSettings;
import org.griddesk.store.ThreadGuard;
import org.griddesk.store.security.ChannelKeyRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChannelsCommandTest {
    @TempDir
    Path dataDir;

    @Test
    void aKeyIsShownOnceStoredAsADigestAndStopsWorkingWhenRevoked() {
        CliRun added = CliRun.in(dataDir, "channels", "add", "HOTLINE_8890", "--label", "8890 平台", "--lang", "en");
        assertThat(added.code()).as(added.err()).isZero();
        String key = added.out().lines().reduce((a, b) -> b).orElseThrow().strip();
        assertThat(ApiKeys.plausible(key)).as(key).isTrue();
        assertThat(added.out()).contains("Key 1 made for channel HOTLINE_8890 (8890 平台)");

        try (Database db = Database.open(DatabaseSettings.embeddedH2(dataDir), ThreadGuard.NONE)) {
            var keys = new ChannelKeyRepository(db.dsl(), Clock.systemUTC());
            assertThat(keys.channelOf(ApiKeys.digest(key))).contains(Channel.HOTLINE_8890);
            assertThat(keys.all()).singleElement().satisfies(k -> assertThat(k.active()).isTrue());
            assertThat(db.dsl().fetch("SELECT key_digest FROM channel_key").getValue(0, 0)).as("only the digest")
                    .isEqualTo(ApiKeys.digest(key)).isNotEqualTo(key);
        }
        assertThat(CliRun.in(dataDir, "channels", "list").out()).contains("HOTLINE_8890", "active").doesNotContain(key);
        assertThat(CliRun.in(dataDir, "channels", "revoke", "1").code()).isZero();
        assertThat(CliRun.in(dataDir, "channels", "list").out()).contains("revoked");
        CliRun again = CliRun.in(dataDir, "channels", "revoke", "1", "--lang", "en");
        assertThat(again.code()).isEqualTo(2);
        assertThat(again.err()).contains("no active key number 1");
        try (Database db = Database.open(DatabaseSettings.embeddedH2(dataDir), ThreadGuard.NONE)) {
            assertThat(new ChannelKeyRepository(db.dsl(), Clock.systemUTC()).channelOf(ApiKeys.digest(key))).isEmpty();
            // made and revoked at the console: both in the audit log, under the console's user, never the key
            var audited = db.dsl().fetch("SELECT actor_id, target, detail FROM audit_log WHERE action = 'CHANNEL_KEY_CHANGED' ORDER BY seq");
            assertThat(audited.getValues(1, String.class)).containsExactly("key 1 HOTLINE_8890", "key 1");
            assertThat(audited.getValues(2, String.class)).containsExactly("added: 8890 平台", "revoked");
            assertThat(audited.getValues(0, String.class)).containsOnly("console:" + System.getProperty("user.name"));
            assertThat(db.dsl().fetch("SELECT * FROM audit_log").formatCSV()).doesNotContain(key).doesNotContain(ApiKeys.digest(key));
        }
        assertThat(CliRun.in(dataDir, "channels", "add", "NO_SUCH", "--label", "x").code()).as("unknown channel").isEqualTo(2);
        assertThat(ApiKeys.newKey()).isNotEqualTo(ApiKeys.newKey());
        assertThat(ApiKeys.plausible("gdk_short")).isFalse();
    }
}

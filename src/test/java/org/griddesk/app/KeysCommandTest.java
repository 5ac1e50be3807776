package org.griddesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.griddesk.testsupport.LifecycleFixture.HOTLINE;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import org.griddesk.domain.ticket.Caller;
import org.griddesk.domain.ticket.Channel;
import org.griddesk.domain.ticket.Intake;
import org.griddesk.security.DataKeyFile;
import org.griddesk.security.DataKeyRing;
import org.griddesk.store.DataKeySetup;
import org.griddesk.store.Database;
import org.griddesk.store.DatabaseSettings;
import org.griddesk.store.ThreadGuard;
import org.griddesk.store.ticket.TicketRepository;
import org.griddesk.store.ticket.TicketService;
import org.griddesk.testsupport.LifecycleFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// `griddesk keys init|status|rotate` on a data folder, and the gateway that will not start without
/// the key (exit code 3).
class KeysCommandTest {
    @TempDir
    Path dataDir;

    @Test
    void initMakesAnOwnerOnlyKeyFileAndNeverReplacesIt() throws Exception {
        CliRun made = CliRun.in(dataDir, "keys", "init", "--lang", "en");
        assertThat(made.code()).as(made.err()).isZero();
        Path file = dataDir.resolve(DataKeyFile.RELATIVE_PATH);
        String id = new DataKeyFile(file).read().current().id();
        assertThat(made.out()).contains("Made the data key " + id).doesNotContain(Files.readString(file).lines()
                .filter(l -> l.startsWith("key.")).findFirst().orElseThrow().substring(("key." + id + "=").length()));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");

        CliRun again = CliRun.in(dataDir, "keys", "init", "--lang", "en");
        assertThat(again.code()).isEqualTo(KeysCommand.REFUSED);
        assertThat(again.err()).contains("is there already");
        assertThat(new DataKeyFile(file).read().current().id()).isEqualTo(id);
    }

    @Test
    void statusCountsTheRowsOfEachKeyAndRotateMovesThemAllToANewKey() throws Exception {
        assertThat(CliRun.in(dataDir, "keys", "init").code()).isZero();
        DataKeyRing first = DataKeyFile.in(dataDir).read();
        long ticket = storeACaller();

        CliRun status = CliRun.in(dataDir, "keys", "status", "--lang", "en");
        assertThat(status.code()).as(status.err()).isZero();
        assertThat(status.out()).contains(first.current().id() + " (current): 1 rows");

        CliRun rotated = CliRun.in(dataDir, "keys", "rotate", "--lang", "en");
        assertThat(rotated.code()).as(rotated.err()).isZero();
        DataKeyRing now = DataKeyFile.in(dataDir).read();
        assertThat(now.current().id()).isNotEqualTo(first.current().id());
        assertThat(now.ids()).containsExactly(now.current().id());
        assertThat(rotated.out()).contains("Rotated from " + first.current().id() + " to " + now.current().id());
        assertThat(CliRun.in(dataDir, "keys", "status", "--lang", "en").out())
                .contains(now.current().id() + " (current): 1 rows").doesNotContain(first.current().id());
        try (Database db = open()) {
            assertThat(new TicketRepository(db.dsl()).get(ticket).intake().caller()).isEqualTo(new Caller("欧阳振华", "13987654321"));
            assertThat(db.dsl().fetch("SELECT detail FROM audit_log WHERE action = 'DATA_KEY_CHANGED'").getValues(0, String.class))
                    .containsExactly("rotated " + first.current().id() + " -> " + now.current().id());
        }
    }

    @Test
    void theGatewayDoesNotStartWithoutTheKeyOfAStoreThatHoldsSealedData() throws Exception {
        storeACaller(); // an embedded store makes its key on first use
        Files.move(dataDir.resolve(DataKeyFile.RELATIVE_PATH), dataDir.resolve("personal-data.key.elsewhere"));

        CliRun gateway = CliRun.in(dataDir, "gateway", "--bind", "127.0.0.1", "--port", "0", "--lang", "en");

        assertThat(gateway.code()).isEqualTo(GatewayCommand.NO_DATA_KEY).isEqualTo(3);
        assertThat(gateway.err()).contains("The intake gateway did not start: this desk has no data key");
        assertThat(dataDir.resolve(DataKeyFile.RELATIVE_PATH)).as("no new key made over sealed data").doesNotExist();
    }

    private long storeACaller() {
        try (Database db = open()) {
            return new TicketService(db.dsl(), LifecycleFixture.lifecycle(), Clock.systemUTC()).report(new Intake(
                    Channel.HOTLINE_8890, "8890-K-1", "路灯不亮", null, Instant.now(), new Caller("欧阳振华", "13987654321")),
                    "JN-XSG", HOTLINE).after().id();
        }
    }

    private Database open() {
        Database db = Database.open(DatabaseSettings.embeddedH2(dataDir), ThreadGuard.NONE);
        db.migrate();
        DataKeySetup.attach(db, dataDir);
        return db;
    }
}

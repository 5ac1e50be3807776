package org.griddesk.store.personal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.griddesk.testsupport.LifecycleFixture.HOTLINE;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.griddesk.domain.ticket.Caller;
import org.griddesk.domain.ticket.Channel;
import org.griddesk.domain.ticket.Intake;
import org.griddesk.security.DataKey;
import org.griddesk.security.DataKeyFile;
import org.griddesk.security.DataKeyRing;
import org.griddesk.security.PersonalDataCipher;
import org.griddesk.store.DataKeyRotation;
import org.griddesk.store.Database;
import org.griddesk.store.DatabaseKind;
import org.griddesk.store.PersonalDataSweep;
import org.griddesk.store.PersonalDataVault;
import org.griddesk.store.ticket.TicketRepository;
import org.griddesk.store.ticket.TicketService;
import org.griddesk.testsupport.HandClock;
import org.griddesk.testsupport.LifecycleFixture;
import org.griddesk.testsupport.TestDatabases;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/// A rotation re-seals every row with the new key (more rows than a sweep's batch), keeps the phone
/// findable, and leaves only the new key in the file once nothing is sealed with the old one.
class DataKeyRotationTest {
    @TempDir
    Path temp;

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void everyRowIsSealedAgainWithTheNewKeyAndTheOldKeyLeavesTheFile(DatabaseKind kind) throws Exception {
        DataKeyFile file = DataKeyFile.in(temp.resolve("data"));
        DataKeyRing old = file.create(DataKeyRing.of(DataKey.generate(new SecureRandom(), null)));
        try (Database db = TestDatabases.freshMigrated(kind, temp)) {
            db.usePersonalData(PersonalDataVault.of(old));
            TicketService service = new TicketService(db.dsl(), LifecycleFixture.lifecycle(),
                    new HandClock(Instant.parse("2026-11-23T01:00:00Z"), java.time.Duration.ofSeconds(1)));
            int count = PersonalDataSweep.BATCH + 20;
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                ids.add(service.report(new Intake(Channel.HOTLINE_8890, "R-" + i, "噪音扰民 " + i, null,
                        Instant.parse("2026-11-23T01:00:00Z"), new Caller("张三" + (i % 10), "139000" + String.format("%05d", i))),
                        "JN-XSG", HOTLINE).after().id());
            }
            assertThat(PersonalDataSweep.rowsPerKey(db.dsl())).containsEntry(old.current().id(), count);

            DataKeyRing now = DataKeyRotation.rotate(db, file, old);

            assertThat(now.current().id()).isNotEqualTo(old.current().id());
            assertThat(now.ids()).containsExactly(now.current().id());
            assertThat(file.read().ids()).containsExactly(now.current().id());
            assertThat(PersonalDataSweep.rowsPerKey(db.dsl())).containsOnlyKeys(now.current().id())
                    .containsEntry(now.current().id(), count);
            String rawPhone = db.dsl().fetchValue("SELECT caller_phone FROM ticket WHERE id = " + ids.getLast()).toString();
            assertThat(PersonalDataCipher.keyIdOf(rawPhone)).isEqualTo(now.current().id());

            db.usePersonalData(PersonalDataVault.of(file.read())); // a desk that has the new file only
            TicketRepository tickets = new TicketRepository(db.dsl());
            assertThat(tickets.get(ids.getFirst()).intake().caller()).isEqualTo(new Caller("张三0", "13900000000"));
            assertThat(tickets.codesByPhone("139 0000 0519", 5)).hasSize(1);
            db.usePersonalData(PersonalDataVault.of(old)); // a desk left with the old file sees nothing
            assertThat(new TicketRepository(db.dsl()).get(ids.getFirst()).intake().caller().readable()).isFalse();
        }
    }
}

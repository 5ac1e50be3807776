package org.griddesk.store.personal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Set;
import org.flywaydb.core.Flyway;
import org.griddesk.domain.district.VisitHousehold;
import org.griddesk.domain.ticket.Caller;
import org.griddesk.domain.ticket.Channel;
import org.griddesk.domain.ticket.Intake;
import org.griddesk.domain.ticket.TicketEvent;
import org.griddesk.store.Database;
import org.griddesk.store.DatabaseKind;
import org.griddesk.store.PersonalDataSweep;
import org.griddesk.store.PersonalDataVault;
import org.griddesk.store.ThreadGuard;
import org.griddesk.store.district.DistrictRepository;
import org.griddesk.store.ticket.TicketRepository;
import org.griddesk.testsupport.RawTextScan;
import org.griddesk.testsupport.TestDataKeys;
import org.griddesk.testsupport.TestDatabases;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/// A store written by a version before sealing (schema 17: callers, households and the trail's
/// reports in clear) is upgraded: V20 widens the columns, V20.1 masks the trail, and the first start
/// with the key seals every row ([PersonalDataSweep]); a second sweep finds nothing to do.
class PlaintextUpgradeTest {
    private static final Instant AT = Instant.parse("2026-03-02T01:30:00Z");

    @TempDir
    Path temp;

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void anOlderStoresClearRowsAreSealedOnTheFirstStartWithTheKey(DatabaseKind kind) throws Exception {
        try (Database db = Database.open(TestDatabases.freshSettings(kind, temp), ThreadGuard.NONE)) {
            Flyway.configure().dataSource(db.dataSource())
                    .locations("classpath:db/migration", "classpath:db/vendor/" + kind.vendorFolder()).target("17").load().migrate();
            long ticketId = writeOldRows(db, kind);

            db.migrate();
            db.usePersonalData(TestDataKeys.vault());
            PersonalDataSweep sweep = new PersonalDataSweep(db.dsl());
            assertThat(sweep.sealAll()).isEqualTo(2);
            assertThat(sweep.sealAll()).isZero();

            assertThat(RawTextScan.find(db.dataSource(), Set.of("欧阳振华", "13987654321", "诸葛明亮", "15611112222", "福田里 3-2-101")))
                    .isEmpty();
            TicketRepository tickets = new TicketRepository(db.dsl());
            assertThat(tickets.get(ticketId).intake().caller()).isEqualTo(new Caller("欧阳振华", "13987654321"));
            assertThat(tickets.codesByPhone("+86 139 8765 4321", 5)).containsExactly("2603-0001");
            var reported = (TicketEvent.Reported) tickets.trail(ticketId).getFirst().event();
            assertThat(reported.intake().caller()).isEqualTo(new Caller("欧阳振华", "13987654321"));
            assertThat(new DistrictRepository(db.dsl()).visitHousehold("H-1")).contains(
                    new VisitHousehold("H-1", "G-1", VisitHousehold.Category.ELDER_ALONE, "诸葛明亮", "15611112222", "福田里 3-2-101"));
            assertThat(PersonalDataSweep.rowsPerKey(db.dsl())).containsEntry(TestDataKeys.RING.current().id(), 2)
                    .doesNotContainKey("-");

            db.usePersonalData(PersonalDataVault.none()); // a desk without the key reads them as unreadable
            assertThat(new TicketRepository(db.dsl()).get(ticketId).intake().caller()).isEqualTo(Caller.UNREADABLE);
            assertThat(new DistrictRepository(db.dsl()).visitHousehold("H-1").orElseThrow().readable()).isFalse();
        }
    }

    /// A ticket with its report, and a household, as the version before sealing wrote them.
    private static long writeOldRows(Database db, DatabaseKind kind) throws Exception {
        Intake intake = new Intake(Channel.HOTLINE_8890, "8890-OLD-1", "路灯不亮", null, AT, new Caller("欧阳振华", "13987654321"));
        String details = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .writeValueAsString(new TicketEvent.Reported(intake, "JN"));
        assertThat(details).contains("13987654321");
        OffsetDateTime at = AT.atOffset(ZoneOffset.UTC);
        try (Connection c = db.dataSource().getConnection()) {
            try (PreparedStatement t = c.prepareStatement("INSERT INTO ticket (id, code, channel, external_id, summary, state, "
                    + "owner_unit, watching_units, consultation, reported_at, round_no, urge_count, return_count, rework_count, "
                    + "reopen_count, version, updated_at, caller_name, caller_phone) VALUES (1, '2603-0001', 'HOTLINE_8890', "
                    + "'8890-OLD-1', '路灯不亮', 'REPORTED', 'JN', '', FALSE, ?, 1, 0, 0, 0, 0, 1, ?, '欧阳振华', '13987654321')")) {
                t.setObject(1, at);
                t.setObject(2, at);
                t.executeUpdate();
            }
            try (PreparedStatement e = c.prepareStatement("INSERT INTO ticket_event (ticket_id, ticket_version, round_no, "
                    + "event_type, actor_id, actor_name, actor_role, actor_unit, occurred_at, to_state, details) VALUES "
                    + "(1, 1, 1, 'Reported', 'CH-HOTLINE_8890', '8890', 'CHANNEL', 'JN', ?, 'REPORTED', ?)")) {
                e.setObject(1, at);
                e.setString(2, details);
                e.executeUpdate();
            }
            try (Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO visit_household (id, grid_code, category, head_name, phone, address) VALUES "
                        + "('H-1', 'G-1', 'ELDER_ALONE', '诸葛明亮', '15611112222', '福田里 3-2-101')");
                if (!c.getAutoCommit()) {
                    c.commit();
                }
            }
        }
        return 1;
    }
}

package org.griddesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.griddesk.store.jooq.Tables.FIELD_CHECK;
import static org.griddesk.store.jooq.Tables.FIELD_PHOTO;
import static org.griddesk.store.jooq.Tables.HOUSEHOLD_VISIT;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.griddesk.domain.ticket.Channel;
import org.griddesk.domain.ticket.Ticket;
import org.griddesk.domain.ticket.TicketCommand;
import org.griddesk.domain.ticket.TicketEvent;
import org.griddesk.domain.ticket.TicketState;
import org.griddesk.domain.visit.FieldCheck;
import org.griddesk.simulate.FieldWorkers;
import org.griddesk.simulate.Scenery;
import org.griddesk.store.district.DistrictRepository;
import org.griddesk.store.visit.FieldRecords;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// The simulated workers' app against a real gateway on a demo store: workers made on the store
/// by its demo administrators fetch their tasks and work them over HTTP; what they did is in the
/// store, once, whatever they sent again.
class SimulatedWorkersTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    private static Ticket handled(TeamTickets work) throws Exception {
        Ticket signed = work.desk.execute(work.ticket(work.team), new TicketCommand.Sign(), work.handler()).after();
        return work.desk.execute(signed, new TicketCommand.ReportHandled("已清理完毕", List.of()), work.handler()).after();
    }

    /// An 8890 order in the grid, left waiting to be accepted: a report for its worker to verify.
    private static Ticket reported(TeamTickets work, String grid) throws Exception {
        var point = new DistrictRepository(work.fixture.db.dsl()).region(grid).orElseThrow().mainPart().getInteriorPoint();
        String order = """
                {"orderNo":"SIM-R1","receivedAt":"%s","caller":{"name":"李女士","phone":"13700005678"},"content":"楼下路灯不亮",
                 "point":{"lon":%s,"lat":%s}}"""
                .formatted(OffsetDateTime.now().minusMinutes(3), point.getX(), point.getY());
        String code = JSON.readTree(work.fixture.post("/api/v1/hotline/orders", work.fixture.key(Channel.HOTLINE_8890), order).body())
                .get("ticket").asText();
        return work.tickets.findByCode(code).orElseThrow();
    }

    private static int checks(DSLContext dsl, FieldCheck.Kind kind) {
        return dsl.fetchCount(FIELD_CHECK, FIELD_CHECK.CHECK_KIND.eq(kind.name()));
    }

    @Test
    void simulatedWorkersVisitVerifyAndCheckThroughTheGatewayAndTheirResendsDoubleNothing() throws Exception {
        try (TeamTickets work = new TeamTickets(dataDir)) {
            DSLContext dsl = work.fixture.db.dsl();
            List<Ticket> handled = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                handled.add(handled(work));
            }
            String grid = handled.getFirst().intake().gridCode();
            Ticket report = reported(work, grid);
            int visitsBefore = dsl.fetchCount(HOUSEHOLD_VISIT);
            int photosBefore = dsl.fetchCount(FIELD_PHOTO, FIELD_PHOTO.RECORD_KIND.eq("VISIT"));
            long lastVisitBefore = dsl.select(DSL.max(HOUSEHOLD_VISIT.ID)).from(HOUSEHOLD_VISIT).fetchOptional(r -> r.value1())
                    .map(Number::longValue).orElse(0L);

            List<String> tokens = SimulatedCrew.tokens(work.fixture.db, 2, 3);
            assertThat(tokens).hasSize(2);
            assertThat(SimulatedCrew.tokens(work.fixture.db, 2, 3)).as("the accounts are made once, tokens each run").hasSize(2);
            // every post sent twice, half the checks failing, every task taken within the hour
            FieldWorkers.Pace pace = new FieldWorkers.Pace(Duration.ofSeconds(2), 3, 1, 1, 0.5, 0, 1, 0.5);
            FieldWorkers.Tally tally;
            try (FieldWorkers workers = new FieldWorkers(work.fixture.uri("/"), tokens, Scenery.of(new DistrictRepository(dsl)), 7, pace,
                    "T")) {
                workers.start();
                Thread.sleep(4_500);
                workers.close();
                tally = workers.tally();
            }

            assertThat(tally.failed()).as(tally.summary()).isZero();
            assertThat(tally.refused()).as(tally.summary()).isZero();
            assertThat(tally.taskLists()).as("each worker fetched its tasks every hour").isGreaterThanOrEqualTo(4);
            // visits: stored once each, though each was sent twice
            assertThat(tally.visits()).as(tally.summary()).isPositive();
            assertThat(dsl.fetchCount(HOUSEHOLD_VISIT) - visitsBefore).as("a visit row per 201, none for the resends")
                    .isEqualTo((int) tally.visits());
            var theirs = HOUSEHOLD_VISIT.ID.gt(lastVisitBefore);
            assertThat(dsl.fetchCount(DSL.selectDistinct(HOUSEHOLD_VISIT.HOUSEHOLD_ID, HOUSEHOLD_VISIT.VISITED_AT).from(HOUSEHOLD_VISIT)
                    .where(theirs))).as("no visit twice").isEqualTo(dsl.fetchCount(HOUSEHOLD_VISIT, theirs));
            assertThat(tally.photos()).as(tally.summary()).isPositive();
            assertThat(dsl.fetchCount(FIELD_PHOTO, FIELD_PHOTO.RECORD_KIND.eq("VISIT")) - photosBefore).isEqualTo((int) tally.photos());
            assertThat(tally.resends()).as("every post sent again").isEqualTo(tally.visits() + tally.verifications()
                    + tally.checksPassed() + tally.checksFailed());
            assertThat(tally.resendsSame()).as("each resend answered 200 with the first answer").isEqualTo(tally.resends());

            // the report verified on site, once, and left where it was
            assertThat(tally.verifications()).isEqualTo(1);
            assertThat(checks(dsl, FieldCheck.Kind.VERIFY)).isEqualTo(1);
            assertThat(work.tickets.get(report.id()).state()).isEqualTo(TicketState.REPORTED);

            // each handled ticket checked once: a pass verifies it, a fail returns it to its team
            assertThat(tally.checksPassed() + tally.checksFailed()).isEqualTo(handled.size());
            assertThat(checks(dsl, FieldCheck.Kind.CHECK)).isEqualTo(handled.size());
            assertThat(tally.checksFailed()).as(tally.summary()).isPositive();
            assertThat(tally.checksPassed()).as(tally.summary()).isPositive();
            FieldRecords records = new FieldRecords(dsl);
            for (Ticket t : handled) {
                FieldCheck check = records.checksOf(t.id()).getFirst();
                Ticket after = work.tickets.get(t.id());
                if (check.outcome()) {
                    assertThat(after.state()).isEqualTo(TicketState.VERIFIED);
                } else {
                    assertThat(after.state()).as("back with its team as rework").isEqualTo(TicketState.IN_PROGRESS);
                    assertThat(after.assignedTeamId()).isEqualTo(work.team.id());
                    assertThat(work.tickets.trail(t.id()).getLast().event()).isInstanceOf(TicketEvent.VerificationFailed.class);
                }
            }
        }
    }

    @Test
    void simulateWithWorkersPrintsWhatTheyDidAndFailedChecksGoBackToTheTeam() throws Exception {
        try (TeamTickets work = new TeamTickets(dataDir)) {
            DSLContext dsl = work.fixture.db.dsl();
            List<Ticket> handled = List.of(handled(work), handled(work));
            // as before a desk starts: keys and tokens made and written, for a run that cannot open the store
            Path keys = dataDir.resolve("keys.txt");
            Path tokens = dataDir.resolve("tokens.txt");
            CliRun prepared = CliRun.in(dataDir, "simulate", "--lang", "en", "--prepare", "--keys", keys.toString(), "--worker-tokens",
                    tokens.toString(), "--workers", "1");
            assertThat(prepared.code()).as(prepared.out() + prepared.err()).isZero();
            assertThat(prepared.out()).contains("1 worker tokens to " + tokens);
            assertThat(Files.readAllLines(tokens)).singleElement().asString().startsWith("gdw_");
            assertThat(CliRun.in(dataDir, "simulate", "--prepare", "--keys", keys.toString()).code()).as("not overwritten").isNotZero();

            CliRun run = CliRun.in(dataDir, "simulate", "--lang", "en", "--url", work.fixture.uri("/").toString(), "--keys", keys.toString(),
                    "--worker-tokens", tokens.toString(), "--rate", "1/s", "--duration", "4s", "--patrols", "0", "--work-hour", "2s",
                    "--check-fail", "100%", "--resend", "50%");

            assertThat(run.code()).as(run.out() + run.err()).isZero();
            assertThat(run.out()).contains("Simulated grid workers: 1", "Simulated workers: visits recorded",
                    "on-site checks passed 0, failed 2");
            for (Ticket t : handled) {
                assertThat(work.tickets.get(t.id()).state()).isEqualTo(TicketState.IN_PROGRESS);
            }
            assertThat(dsl.fetchCount(FIELD_CHECK, FIELD_CHECK.OUTCOME.isFalse())).isEqualTo(2);
        }
    }

    @Test
    void sharesReadAsPeopleWriteThem() {
        assertThat(SimulateCommand.share("--check-fail", "15%")).isEqualTo(0.15);
        assertThat(SimulateCommand.share("--check-fail", "0.15")).isEqualTo(0.15);
        assertThat(SimulateCommand.share("--resend", "0")).isZero();
        assertThatThrownBy(() -> SimulateCommand.share("--resend", "150%")).hasMessageContaining("--resend");
        assertThatThrownBy(() -> SimulateCommand.share("--resend", "often")).hasMessageContaining("--resend");
    }
}

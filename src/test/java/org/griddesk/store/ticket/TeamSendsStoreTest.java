package org.griddesk.store.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.griddesk.testsupport.LifecycleFixture.HOTLINE;
import static org.griddesk.testsupport.LifecycleFixture.XSG_CG_HANDLER;
import static org.griddesk.testsupport.LifecycleFixture.XSG_DISPATCHER;
import static org.griddesk.testsupport.LifecycleFixture.hotlineRequest;
import static org.griddesk.testsupport.LifecycleFixture.shanghai;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.griddesk.domain.ticket.Attachment;
import org.griddesk.domain.ticket.DeadlinePolicy;
import org.griddesk.domain.ticket.Ticket;
import org.griddesk.domain.ticket.TicketCommand;
import org.griddesk.store.Database;
import org.griddesk.store.DatabaseKind;
import org.griddesk.testsupport.EvidenceFiles;
import org.griddesk.testsupport.HandClock;
import org.griddesk.testsupport.LifecycleFixture;
import org.griddesk.testsupport.TestDatabases;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/// What the team API keeps, on both stores: a team's uploads (its own, one row per content, gone a
/// day after), and a team action's send kept with its answer in the change's own transaction, so
/// that one key's second change is refused by the store and writes nothing.
class TeamSendsStoreTest {
    @TempDir
    Path temp;

    private final HandClock clock = new HandClock(shanghai("2026-11-23T09:00"), Duration.ofMinutes(7));

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void anUploadIsItsTeamsAloneStoredOnceAndGoneADayAfter(DatabaseKind kind) {
        try (Database db = TestDatabases.freshMigrated(kind, temp)) {
            TeamUploads uploads = new TeamUploads(db.dsl());
            Attachment photo = Attachment.of("整改后.jpg", EvidenceFiles.jpeg());
            assertThat(uploads.store("JN-XSG-CG", photo, clock.now())).as("new").isEmpty();
            assertThat(uploads.store("JN-XSG-CG", Attachment.of("again.jpg", EvidenceFiles.jpeg()), clock.now().plusSeconds(60)))
                    .as("the same bytes again: kept under their first name").contains("整改后.jpg");
            assertThat(uploads.heldBytes("JN-XSG-CG")).isEqualTo(EvidenceFiles.jpeg().length);
            assertThat(uploads.heldBytes("JN-XSG-SW")).isZero();
            assertThat(uploads.find("JN-XSG-CG", photo.sha256(), clock.now())).hasValueSatisfying(u -> {
                assertThat(u.name()).isEqualTo("整改后.jpg");
                assertThat(u.content()).isEqualTo(EvidenceFiles.jpeg());
            });
            assertThat(uploads.find("JN-XSG-SW", photo.sha256(), clock.now())).as("another team's").isEmpty();
            assertThat(uploads.prune(clock.now().plus(Duration.ofHours(23)))).isZero();
            assertThat(uploads.prune(clock.now().plus(Duration.ofHours(25)))).isEqualTo(1);
            assertThat(uploads.find("JN-XSG-CG", photo.sha256(), clock.now())).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aSendIsKeptWithItsAnswerAndTheSameKeyCannotChangeASecondTicket(DatabaseKind kind) {
        try (Database db = TestDatabases.freshMigrated(kind, temp)) {
            TicketService service = new TicketService(db.dsl(), LifecycleFixture.lifecycle(), clock);
            Submission send = new Submission("team:JN-XSG-CG", "K" + "a".repeat(64), "b".repeat(64), clock.now(), Duration.ofHours(24));
            Ticket first = service.execute(inProgress(service, "8890-S1"), new TicketCommand.ReportHandled("已处理", List.of()), XSG_CG_HANDLER,
                    send, after -> "{\"state\":\"" + after.state() + "\",\"version\":" + after.version() + "}").after();

            IntakeRepository sends = new IntakeRepository(db.dsl());
            assertThat(sends.submitted(send)).hasValueSatisfying(s -> {
                assertThat(s.ticketId()).isEqualTo(first.id());
                assertThat(s.answer()).isEqualTo("{\"state\":\"HANDLED\",\"version\":" + first.version() + "}");
            });
            Ticket second = inProgress(service, "8890-S2");
            assertThatThrownBy(() -> service.execute(second, new TicketCommand.ReportHandled("已处理", List.of()), XSG_CG_HANDLER, send,
                    after -> "{}")).as("the store keeps one change per key");
            assertThat(new TicketRepository(db.dsl()).get(second.id()).version()).as("nothing written").isEqualTo(second.version());
        }
    }

    private Ticket inProgress(TicketService service, String order) {
        Ticket t = service.report(hotlineRequest(order, clock.now()), "JN-XSG", HOTLINE).after();
        t = service.execute(t, new TicketCommand.Accept("05-03-012", DeadlinePolicy.general(), false), XSG_DISPATCHER).after();
        t = service.execute(t, new TicketCommand.Dispatch("JN-XSG-CG"), XSG_DISPATCHER).after();
        return service.execute(t, new TicketCommand.Sign(), XSG_CG_HANDLER).after();
    }
}

package org.griddesk.store.supervise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.griddesk.testsupport.LifecycleFixture.JN_SUPERVISOR;
import static org.griddesk.testsupport.LifecycleFixture.shanghai;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.griddesk.domain.calendar.WorkCalendar;
import org.griddesk.domain.ticket.Ticket;
import org.griddesk.security.AuditRetention;
import org.griddesk.security.Session;
import org.griddesk.store.Database;
import org.griddesk.store.DatabaseKind;
import org.griddesk.store.security.AuditLog;
import org.griddesk.store.ticket.TicketService;
import org.griddesk.supervise.consult.ConsultationViewModel;
import org.griddesk.testsupport.HandClock;
import org.griddesk.testsupport.LifecycleFixture;
import org.griddesk.testsupport.TestDatabases;
import org.griddesk.ui.CurrentThreadTaskExecutor;
import org.griddesk.ui.Language;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// 记录会商结果 clicked twice in the desk stored the same consultation again and again (#2, #3, #4 on
/// the same three tickets, each a Consulted event in their trails): the form and the chosen cases stay
/// as they were after a record. The screen's model records the same record once; a changed one is new.
class ConsultationRecordedTwiceTest {
    @TempDir
    Path temp;

    @Test
    void theSameRecordAskedTwiceIsStoredOnce() {
        HandClock clock = new HandClock(shanghai("2026-11-17T09:00"), Duration.ofSeconds(1));
        try (Database db = TestDatabases.freshMigrated(DatabaseKind.H2, temp)) {
            TicketService tickets = new TicketService(db.dsl(), LifecycleFixture.lifecycle(), clock);
            ConsultationService consultations = new ConsultationService(db.dsl(), tickets, LifecycleFixture.ORGANISATION,
                    WorkCalendar.builtIn(), new AuditLog(db.dsl(), clock, AuditRetention.fromSystemProperty()), clock);
            Ticket late = new SupervisionTickets(tickets, clock).inProgress(new SupervisionTickets(tickets, clock).reported("XSG-001-01"));
            HardCase hard = new HardCase(HardCase.Reason.LONG_OVERDUE, "", List.of(new TicketLine(late.id(), late.code(), late.state(),
                    "", "", "XSG-001-01", null, late.ownerUnitId(), null, null)));
            Session jn = SupervisionTickets.session(JN_SUPERVISOR);
            ConsultationViewModel model = new ConsultationViewModel(() -> new SupervisionServices(consultations, null,
                    LifecycleFixture.ORGANISATION), () -> null, jn, Language.ZH_CN, new CurrentThreadTaskExecutor(), HardCaseRules.DEFAULT);
            var followUp = LifecycleFixture.ORGANISATION.unit("JN-XSG").orElseThrow();
            LocalDate day = LocalDate.parse("2026-11-27");

            model.record(List.of(hard), day, "区城管委、咸水沽镇", "井盖反复缺失", "由咸水沽镇牵头补装", followUp, day.plusDays(7));
            assertThat(model.messageProperty().get()).startsWith("已记录会商 #");
            model.record(List.of(hard), day, "区城管委、咸水沽镇", "井盖反复缺失", "由咸水沽镇牵头补装", followUp, day.plusDays(7));
            assertThat(model.messageProperty().get()).contains("已记录为 #", "未重复记录");
            assertThat(consultations.recent(jn, 10)).hasSize(1);
            // the service itself refuses the same record, whoever asks it (not only this screen)
            var again = new Consultation.Draft(day, "区城管委、咸水沽镇", "井盖反复缺失", "由咸水沽镇牵头补装", "JN-XSG", day.plusDays(7));
            assertThatThrownBy(() -> consultations.record(jn, again, java.util.Map.of(late.id(), "超期")))
                    .isInstanceOfSatisfying(SupervisionRefused.class, r -> assertThat(r.messageKey()).isEqualTo("consult.alreadyRecorded"));
            assertThat(consultations.recent(jn, 10)).hasSize(1);

            model.record(List.of(hard), day, "区城管委、咸水沽镇", "井盖反复缺失", "改由城管委牵头", followUp, day.plusDays(7));
            assertThat(consultations.recent(jn, 10)).as("a changed record is another consultation").hasSize(2);
        }
    }
}

package org.griddesk.supervise.handover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.griddesk.testsupport.LifecycleFixture.shanghai;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.griddesk.domain.ShiftSchedule;
import org.griddesk.domain.org.Role;
import org.griddesk.security.AuditRetention;
import org.griddesk.security.Session;
import org.griddesk.security.Workstation;
import org.griddesk.store.Database;
import org.griddesk.store.DatabaseKind;
import org.griddesk.store.security.AuditLog;
import org.griddesk.store.supervise.HandOver;
import org.griddesk.store.supervise.HandoverService;
import org.griddesk.store.supervise.SupervisionServices;
import org.griddesk.testsupport.HandClock;
import org.griddesk.testsupport.LifecycleFixture;
import org.griddesk.testsupport.TestDatabases;
import org.griddesk.ui.CurrentThreadTaskExecutor;
import org.griddesk.ui.Language;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// 交班 clicked twice: the second click stored the same shift's hand-over again (#1, #2, #3 … in the
/// desk's list, each waiting to be signed), since the note stayed in the field. The note is emptied once
/// the hand-over is stored, so a second click asks for a note and stores nothing.
class HandoverViewModelTest {
    @TempDir
    Path temp;

    @Test
    void handingOverTwiceInARowStoresOneHandOver() {
        HandClock clock = new HandClock(shanghai("2026-11-27T10:00"), Duration.ofSeconds(1));
        try (Database db = TestDatabases.freshMigrated(DatabaseKind.H2, temp)) {
            HandoverService handovers = new HandoverService(db.dsl(), LifecycleFixture.ORGANISATION, ShiftSchedule.defaultSchedule(),
                    new AuditLog(db.dsl(), clock, AuditRetention.fromSystemProperty()), clock);
            Session supervisor = new Session("u-xsg-09", "u-xsg-09", "李值班长", LifecycleFixture.XSG_SUPERVISOR.unit().id(),
                    Set.of(Role.SUPERVISOR), shanghai("2026-11-27T08:00"), Workstation.local());
            HandoverViewModel model = new HandoverViewModel(() -> new SupervisionServices(null, handovers, LifecycleFixture.ORGANISATION),
                    () -> null, supervisor, Language.ZH_CN, new CurrentThreadTaskExecutor());
            model.load();

            model.noteProperty().set("井盖问题已督办，夜班注意回访");
            model.write();
            assertThat(model.messageProperty().get()).startsWith("已交班");
            assertThat(model.noteProperty().get()).as("the note is emptied once stored").isEmpty();
            model.write();
            assertThat(model.messageProperty().get()).isEqualTo("请填写交班说明。");

            assertThat(handovers.history(supervisor, 10)).singleElement()
                    .satisfies(h -> assertThat(h.note()).isEqualTo("井盖问题已督办，夜班注意回访"));
            assertThat(model.history()).extracting(HandOver::id).hasSize(2).contains(0L);
        }
    }
}

package org.griddesk.supervise.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.beans.property.SimpleObjectProperty;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.stage.Stage;
import org.griddesk.dispatch.DeskUser;
import org.griddesk.domain.digest.DigestSettings;
import org.griddesk.domain.digest.MassIncident;
import org.griddesk.domain.digest.TicketRef;
import org.griddesk.domain.digest.Topic;
import org.griddesk.domain.org.Role;
import org.griddesk.domain.org.Unit;
import org.griddesk.domain.org.UnitKind;
import org.griddesk.domain.org.UnitLevel;
import org.griddesk.store.Database;
import org.griddesk.store.DatabaseKind;
import org.griddesk.store.digest.DigestHistory;
import org.griddesk.store.digest.DigestRefused;
import org.griddesk.store.digest.HotlineDigestService;
import org.griddesk.testsupport.AuditFixture;
import org.griddesk.testsupport.FxToolkitSupport;
import org.griddesk.testsupport.RecordingAudit;
import org.griddesk.testsupport.TestDatabases;
import org.griddesk.ui.CurrentThreadTaskExecutor;
import org.griddesk.ui.Language;
import org.griddesk.ui.Messages;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// The 专线舆情 screen and the supervisor's incident notice as a person sees them: the digest made
/// for the day fills the tables, a picked line lists its tickets and a double-click opens one in the
/// desk; a person without the permission is told so; the notice shows to the supervisors who watch
/// the place and its ticket links open the ticket.
class HotlineDigestScreenTest {
    private static final Messages ZH = Messages.of(Language.ZH_CN);
    private static final Clock AFTER_THE_DAY = Clock.fixed(DigestHistory.DAY.plusDays(1).atTime(9, 0)
            .toInstant(ZoneOffset.ofHours(8)), ZoneOffset.UTC);

    @TempDir
    Path temp;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkitSupport.start();
    }

    @org.junit.jupiter.api.AfterAll
    static void closeWindows() throws Exception {
        org.griddesk.testsupport.FxToolkitSupport.closeWindows();
    }

    @Test
    void theDayIsDigestedIntoTheTablesAndATicketOpensInTheDesk() throws Exception {
        try (Database db = TestDatabases.freshMigrated(DatabaseKind.H2, temp)) {
            DigestHistory history = new DigestHistory(db.dsl()).write().plantSpike();
            HotlineDigestService service = new HotlineDigestService(db.dsl(), AFTER_THE_DAY, new RecordingAudit(), DigestSettings.DEFAULT);
            DigestViewModel model = new DigestViewModel(() -> service, AuditFixture.session(Role.SUPERVISOR),
                    Messages.of(Language.ZH_CN, DigestRefused.BUNDLE), new CurrentThreadTaskExecutor(), AFTER_THE_DAY);
            List<Long> opened = new ArrayList<>();
            DigestView view = onFx(() -> new DigestView(model, opened::add));
            Stage stage = onFx(() -> {
                Stage s = new Stage();
                s.setScene(new Scene(view.root(), 1200, 760)); // within the headless screen (1280 × 800)
                s.show();
                return s;
            });
            try {
                assertThat(model.dayProperty().get()).isEqualTo(DigestHistory.DAY);
                onFx(() -> {
                    model.make();
                    return null;
                });
                assertThat(model.messageProperty().get()).isEqualTo("2026-11-30：来件 49 件，前 28 天日均 39.0（当日量为基线的 1.26 倍）");
                TableView<?> items = lookup(view, "#digestItems");
                TableView<?> incidents = lookup(view, "#digestIncidents");
                TableView<?> terms = lookup(view, "#digestTerms");
                assertThat(items.getItems()).hasSize(1);
                assertThat(terms.getItems()).hasSize(7);
                assertThat(incidents.getItems()).hasSize(1);
                assertThat(((Label) ((TableView<?>) lookup(view, "#digestTickets")).getPlaceholder()).getText()).isEqualTo("选中左侧任一行，这里列出它背后的工单");

                onFx(() -> {
                    items.getSelectionModel().select(0);
                    return null;
                });
                assertThat(model.tickets()).hasSize(11);
                onFx(() -> {
                    incidents.getSelectionModel().select(0);
                    return null;
                });
                assertThat(model.tickets()).extracting(TicketRef::id).containsExactlyElementsOf(history.spikeIds);

                TableView<?> tickets = lookup(view, "#digestTickets");
                onFx(() -> {
                    tickets.layout();
                    TableRow<?> first = (TableRow<?>) tickets.lookupAll(".table-row-cell").stream()
                            .filter(n -> ((TableRow<?>) n).getIndex() == 0).findFirst().orElseThrow();
                    Event.fireEvent(first, new MouseEvent(MouseEvent.MOUSE_CLICKED, 5, 5, 5, 5, MouseButton.PRIMARY, 2,
                            false, false, false, false, true, false, false, true, false, false, null));
                    return null;
                });
                assertThat(opened).containsExactly(history.spikeIds.getFirst());
            } finally {
                onFx(() -> {
                    stage.close();
                    return null;
                });
            }
        }
    }

    @Test
    void aPersonWithoutThePermissionIsToldSoAndTicketsOfAHotLineAreRead() {
        try (Database db = TestDatabases.freshMigrated(DatabaseKind.H2, temp)) {
            new DigestHistory(db.dsl()).write().plantSpike();
            HotlineDigestService service = new HotlineDigestService(db.dsl(), AFTER_THE_DAY, new RecordingAudit(), DigestSettings.DEFAULT);
            DigestViewModel refused = new DigestViewModel(() -> service, AuditFixture.session(Role.DISPATCHER),
                    Messages.of(Language.ZH_CN, DigestRefused.BUNDLE), new CurrentThreadTaskExecutor(), AFTER_THE_DAY);
            refused.make();
            assertThat(refused.digestProperty().get()).isNull();
            assertThat(refused.messageProperty().get()).isEqualTo("没有查看考核与舆情报表的权限");

            DigestViewModel manager = new DigestViewModel(() -> service, AuditFixture.session(Role.DISTRICT_MANAGER),
                    Messages.of(Language.EN, DigestRefused.BUNDLE), new CurrentThreadTaskExecutor(), AFTER_THE_DAY);
            manager.make();
            manager.showTicketsOf(Topic.COMMUNITY, "C3");
            assertThat(manager.tickets()).hasSize(12);
            assertThat(manager.messageProperty().get()).startsWith("2026-11-30: 49 requests");
        }
    }

    @Test
    void theNoticeShowsToTheSupervisorsWhoWatchThePlaceAndOpensItsTickets() throws Exception {
        Unit district = new Unit("JN", "津南区网格化管理中心", UnitLevel.DISTRICT, UnitKind.CENTRE, null);
        Unit town = new Unit("XSG", "咸水沽镇网格化管理中心", UnitLevel.STREET, UnitKind.CENTRE, "JN");
        Unit otherTown = new Unit("GG", "葛沽镇网格化管理中心", UnitLevel.STREET, UnitKind.CENTRE, "JN");
        SimpleObjectProperty<DeskUser> seated = new SimpleObjectProperty<>(new DeskUser(Role.SUPERVISOR, district));
        List<Long> picked = new ArrayList<>();
        MassIncidentBar bar = onFx(() -> new MassIncidentBar(ZH, seated, picked::add));
        assertThat(bar.isVisible()).isFalse();

        MassIncident incident = incident();
        onFx(() -> {
            bar.tell(List.of(incident));
            return null;
        });
        assertThat(bar.isVisible()).isTrue();
        assertThat(bar.getChildren()).first().extracting(n -> ((Label) n).getText()).isEqualTo("群体性事件苗头（1）");
        Label text = (Label) bar.lookup(".supervisor-row-text");
        assertThat(text.getText()).isEqualTo("福馨社区第1网格 22:00–22:24：5 位来电人反映「噪音扰民」（同事项 · 同网格），共 5 件");
        onFx(() -> {
            ((Hyperlink) bar.lookupAll(".hyperlink").stream().skip(2).findFirst().orElseThrow()).fire();
            return null;
        });
        assertThat(picked).containsExactly(103L);

        onFx(() -> {
            seated.set(new DeskUser(Role.SUPERVISOR, otherTown));
            bar.tell(List.of(incident));
            return null;
        });
        assertThat(bar.shown()).as("another town's supervisor").isEmpty();
        onFx(() -> {
            seated.set(new DeskUser(Role.DISPATCHER, town));
            bar.tell(List.of(incident));
            return null;
        });
        assertThat(bar.shown()).as("a dispatcher").isEmpty();
        onFx(() -> {
            seated.set(new DeskUser(Role.SUPERVISOR, town));
            bar.tell(List.of(incident));
            return null;
        });
        assertThat(bar.shown()).containsExactly(incident);
    }

    private static MassIncident incident() {
        Instant from = DigestHistory.DAY.atTime(22, 0).toInstant(ZoneOffset.ofHours(8));
        List<TicketRef> tickets = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            tickets.add(new TicketRef(101 + i, "2611-010" + i, from.plus(Duration.ofMinutes(6L * i)), "工地夜间施工噪音扰民"));
        }
        return new MassIncident(MassIncident.Level.ITEM_GRID, "I3", "噪音扰民", "C3-G1", "福馨社区第1网格", from,
                tickets.getLast().reportedAt(), 5, tickets, List.of("XSG"));
    }

    @SuppressWarnings("unchecked")
    private static <T extends Node> T lookup(DigestView view, String id) {
        return (T) view.root().lookup(id);
    }

    private static <T> T onFx(Callable<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Exception | AssertionError e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(20, TimeUnit.SECONDS);
    }
}

package org.griddesk.supervise.handover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.griddesk.testsupport.LifecycleFixture.shanghai;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.griddesk.desk.queue.QueueItem;
import org.griddesk.domain.ShiftSchedule;
import org.griddesk.domain.org.Role;
import org.griddesk.domain.ticket.Ticket;
import org.griddesk.domain.ticket.TicketCommand;
import org.griddesk.security.Session;
import org.griddesk.store.Database;
import org.griddesk.store.DatabaseSettings;
import org.griddesk.store.supervise.HandOver;
import org.griddesk.store.supervise.SupervisionServices;
import org.griddesk.store.supervise.TicketLine;
import org.griddesk.supervise.TownTickets;
import org.griddesk.supervise.drill.TicketHistory;
import org.griddesk.testsupport.CommandCentre;
import org.griddesk.testsupport.FxToolkitSupport;
import org.griddesk.testsupport.HandClock;
import org.griddesk.ui.FxTaskExecutor;
import org.griddesk.ui.Language;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/// 交接班 on a real store (the demo district, H2): 咸水沽镇's day shift on Friday 2026-11-27 at 10:00
/// with tickets made here in four sections. The outgoing supervisor writes the hand-over with a note
/// through the screen and may not sign it themselves; the incoming one (another person of the same
/// centre, at 20:00) signs it off through the screen; a second incoming window, opened before, is told
/// it was signed already. Each step is checked in the store as well as on screen.
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class HandoverScreenTest {
    private static final Instant NOW = shanghai("2026-11-27T10:00");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(ZoneId.of("Asia/Shanghai"));
    private static final String NOTE = "路灯问题已督办，夜班注意回访";

    private final FxRobot robot = new FxRobot();
    private final HandClock clock = new HandClock(shanghai("2026-11-17T09:00"), Duration.ofSeconds(1));

    @TempDir
    Path temp;

    @AfterAll
    static void closeWindows() throws Exception {
        FxToolkitSupport.closeWindows();
    }

    /// The tickets, oldest first; what each section should list.
    private static Map<HandOver.Section, List<String>> story(TownTickets make, HandClock clock) {
        // accepted Tue 11-17 (7 working days): due Thu 11-26 24:00, overdue at Friday 10:00
        Ticket overdue = make.inProgress();
        clock.advance(Duration.ofDays(1));
        // accepted Wed 11-18: due Fri 11-27 24:00, within the night shift
        Ticket dueTonight = make.inProgress();
        clock.advance(Duration.ofDays(7));
        // Wed 11-25: due next week; a district department summoned and not checked in; an extension asked
        String department = make.organisation().units().stream().filter(u -> u.isTeam() && "JN".equals(u.parentId()))
                .findFirst().orElseThrow().id();
        Ticket whistled = make.then(make.accepted(), new TicketCommand.Whistle(List.of(department)), make.dispatcher());
        Ticket extension = make.then(make.inProgress(), new TicketCommand.RequestExtension(3, "需协调产权单位"), make.handler());
        make.accepted(); // due next week, nothing waiting: NOT listed
        clock.advance(Duration.between(clock.now(), NOW));
        Map<HandOver.Section, List<String>> expected = new EnumMap<>(HandOver.Section.class);
        expected.put(HandOver.Section.DUE_NEXT_SHIFT, List.of(dueTonight.code()));
        expected.put(HandOver.Section.OVERDUE, List.of(overdue.code()));
        expected.put(HandOver.Section.CALLBACK_DUE, List.of());
        expected.put(HandOver.Section.WHISTLE_OPEN, List.of(whistled.code()));
        expected.put(HandOver.Section.EXTENSION_PENDING, List.of(extension.code()));
        return expected;
    }

    @Test
    void theOutgoingSupervisorWritesTheHandOverAndTheIncomingOneSignsItOff() throws Exception {
        FxToolkitSupport.start();
        try (CommandCentre centre = CommandCentre.on(DatabaseSettings.embeddedH2(temp));
             var executor = new FxTaskExecutor(1)) {
            Database db = centre.admin();
            TownTickets make = new TownTickets(db, clock);
            Map<HandOver.Section, List<String>> expected = story(make, clock);
            SupervisionServices services = SupervisionServices.open(db, ShiftSchedule.defaultSchedule(), clock);
            TicketHistory history = make.history();
            HandoverScreen screen = new HandoverScreen(() -> services, () -> history, executor, id -> { });
            Session outgoing = TownTickets.session(make.supervisor("u-ui-xsg-09", "李值班长"));
            Session incoming = TownTickets.session(make.supervisor("u-ui-xsg-10", "周值班长"));
            Session another = TownTickets.session(make.supervisor("u-ui-xsg-11", "孙值班长"));
            assertThat(screen.allowedFor(outgoing)).isTrue();
            assertThat(screen.allowedFor(TownTickets.session(make.dispatcher()))).as("a dispatcher").isFalse();
            assertThat(screen.allowedFor(TownTickets.session(make.ofDistrict("u-ui-jn-mgr", "区管理人员", Role.DISTRICT_MANAGER))))
                    .as("the district manager").isFalse();

            // the outgoing supervisor: the draft lists the tickets by section
            Stage writer = open(screen, outgoing);
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> shownCodes(writer).equals(expected));
            assertThat(text(writer, "#handoverHeading")).isEqualTo("本班待交接（白班 → 夜班，下一班至 11-28 08:00）");
            assertThat(sectionTitle(writer, HandOver.Section.OVERDUE)).isEqualTo("已超期（1）");
            assertThat(sectionTitle(writer, HandOver.Section.CALLBACK_DUE)).isEqualTo("待回访（0）");
            assertThat(button(writer, "#handoverSign").isDisabled()).as("a draft is not signed").isTrue();
            assertThat(db.dsl().fetchCount(db.dsl().selectFrom("shift_handover"))).as("a draft is not stored").isZero();

            // hand over with a note
            robot.clickOn("#handoverNote").write(NOTE);
            String said = press(writer, "#handoverWrite");
            List<HandOver> stored = services.handovers().history(outgoing, 10);
            assertThat(stored).singleElement().satisfies(h -> {
                assertThat(h.note()).isEqualTo(NOTE);
                assertThat(h.writtenBy()).isEqualTo("u-ui-xsg-09");
                assertThat(h.writtenByName()).isEqualTo("李值班长");
                assertThat(h.shift()).isEqualTo("白班|Day shift");
                assertThat(h.nextShift()).isEqualTo("夜班|Night shift");
                assertThat(h.signed()).isFalse();
                assertThat(codes(h)).isEqualTo(expected);
            });
            HandOver written = stored.getFirst();
            assertThat(said).isEqualTo("已交班（#" + written.id() + "），待下一班值班长签收");
            assertThat(text(writer, "#handoverHeading"))
                    .isEqualTo(TIME.format(written.writtenAt()) + " 白班 → 夜班 · 交班：李值班长 · 待接班签收");
            assertThat(text(writer, "#handoverShownNote")).isEqualTo(NOTE);
            assertThat(shownCodes(writer)).isEqualTo(expected);
            assertThat(historyList(writer).getItems()).extracting(HandOver::id).containsExactly(0L, written.id());

            // the writer may not sign their own
            assertThat(press(writer, "#handoverSign")).isEqualTo("交班人（李值班长）不能自己接班签收，须由下一班的值班长签收。");
            assertThat(services.handovers().history(outgoing, 10)).singleElement().satisfies(h -> assertThat(h.signed()).isFalse());
            WaitForAsyncUtils.asyncFx(writer::hide).get();

            // 20:00: the night shift. Two supervisors of the centre open the screen; one signs off.
            clock.advance(Duration.ofHours(10));
            // (the headless robot clicks the topmost window: each is used while it is on top)
            Stage late = open(screen, another);
            pick(late, written.id());
            Stage signer = open(screen, incoming);
            pick(signer, written.id());
            assertThat(shownCodes(signer)).as("the tickets as handed over").isEqualTo(expected);
            robot.clickOn(signer.getScene().lookup("#handoverSignNote")).write("已接班");
            assertThat(press(signer, "#handoverSign")).isEqualTo("已签收交接班 #" + written.id());

            HandOver signed = services.handovers().history(incoming, 10).getFirst();
            assertThat(signed.id()).isEqualTo(written.id());
            assertThat(signed.signedBy()).isEqualTo("u-ui-xsg-10");
            assertThat(signed.signedByName()).isEqualTo("周值班长");
            assertThat(signed.signNote()).isEqualTo("已接班");
            assertThat(signed.signedAt()).isAfter(written.writtenAt().plus(Duration.ofHours(9)));
            assertThat(codes(signed)).isEqualTo(expected);
            assertThat(text(signer, "#handoverHeading")).isEqualTo(TIME.format(written.writtenAt())
                    + " 白班 → 夜班 · 交班：李值班长 · 接班：周值班长（" + TIME.format(signed.signedAt()) + "）");
            assertThat(text(signer, "#handoverShownNote")).isEqualTo(NOTE + "\n已接班");
            assertThat(button(signer, "#handoverSign").isDisabled()).as("signed: nothing left to sign").isTrue();
            WaitForAsyncUtils.asyncFx(signer::hide).get();

            // the window opened before still offers it: the service says it is signed, and nothing changes
            assertThat(press(late, "#handoverSign")).isEqualTo("这份交接班已经签收过了。");
            assertThat(services.handovers().history(another, 10)).singleElement().satisfies(h -> {
                assertThat(h.signedBy()).isEqualTo("u-ui-xsg-10");
                assertThat(h.signedAt()).isEqualTo(signed.signedAt());
                assertThat(h.signNote()).isEqualTo("已接班");
            });
            assertThat(db.dsl().fetchCount(db.dsl().selectFrom("shift_handover"))).isEqualTo(1);
            assertThat(db.dsl().fetchCount(db.dsl().selectFrom("audit_log")
                    .where("action = 'HANDOVER_SIGNED' AND outcome = 'SUCCESS'"))).isEqualTo(1);
            assertThat(db.dsl().fetchCount(db.dsl().selectFrom("audit_log")
                    .where("action = 'HANDOVER_SIGNED' AND outcome = 'REFUSED'"))).as("the writer's own").isEqualTo(1);
            WaitForAsyncUtils.asyncFx(late::hide).get();
        }
    }

    private static Stage open(HandoverScreen screen, Session session) throws Exception {
        return (Stage) WaitForAsyncUtils.asyncFx(() -> screen.open(null, session, Language.ZH_CN)).get(10, TimeUnit.SECONDS);
    }

    /// clicks the hand-over `id` in the window's list of hand-overs
    private void pick(Stage stage, long id) throws Exception {
        java.util.function.Supplier<java.util.Optional<ListCell<?>>> find = () -> robot.from(historyList(stage)).lookup(".list-cell")
                .queryAllAs(ListCell.class).stream().<ListCell<?>>map(c -> c)
                .filter(c -> c.getItem() instanceof HandOver h && h.id() == id).findFirst();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> find.get().isPresent());
        robot.clickOn(find.get().orElseThrow());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(historyList(stage).getSelectionModel().getSelectedItem().id()).isEqualTo(id);
    }

    /// presses the button and waits until the service has answered; what the screen then says
    private String press(Stage stage, String buttonId) throws Exception {
        String before = text(stage, "#handoverMessage");
        HandOver shown = historyList(stage).getSelectionModel().getSelectedItem();
        robot.clickOn(button(stage, buttonId));
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> !button(stage, "#handoverWrite").isDisabled()
                && (!text(stage, "#handoverMessage").equals(before) || historyList(stage).getSelectionModel().getSelectedItem() != shown));
        WaitForAsyncUtils.waitForFxEvents();
        return text(stage, "#handoverMessage");
    }

    @SuppressWarnings("unchecked")
    private static ListView<HandOver> historyList(Stage stage) {
        return (ListView<HandOver>) stage.getScene().lookup("#handoverHistory");
    }

    private static Button button(Stage stage, String id) {
        return (Button) stage.getScene().lookup(id);
    }

    private static String text(Stage stage, String id) {
        return ((Label) stage.getScene().lookup(id)).getText();
    }

    @SuppressWarnings("unchecked")
    private static ListView<QueueItem> section(Stage stage, HandOver.Section section) {
        return (ListView<QueueItem>) stage.getScene().lookup("#handover-" + section.name());
    }

    /// the title over a section's list (the label above it)
    private static String sectionTitle(Stage stage, HandOver.Section section) {
        return ((Label) ((javafx.scene.layout.VBox) section(stage, section).getParent()).getChildren().getFirst()).getText();
    }

    /// the codes each section's list shows on screen
    private static Map<HandOver.Section, List<String>> shownCodes(Stage stage) {
        Map<HandOver.Section, List<String>> shown = new EnumMap<>(HandOver.Section.class);
        for (HandOver.Section s : HandOver.Section.values()) {
            shown.put(s, section(stage, s).getItems().stream().map(QueueItem::code).toList());
        }
        return shown;
    }

    private static Map<HandOver.Section, List<String>> codes(HandOver h) {
        Map<HandOver.Section, List<String>> codes = new EnumMap<>(HandOver.Section.class);
        h.tickets().forEach((s, lines) -> codes.put(s, lines.stream().map(TicketLine::code).toList()));
        return codes;
    }
}

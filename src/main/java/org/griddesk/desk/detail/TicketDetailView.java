package org.griddesk.desk.detail;

import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.griddesk.domain.calendar.WorkCalendar;
import org.griddesk.domain.ticket.DuplicateSuggestion;
import org.griddesk.domain.ticket.RecordedEvent;
import org.griddesk.domain.ticket.Ticket;
import org.griddesk.domain.ticket.TicketEvent;
import org.griddesk.domain.org.Role;
import org.griddesk.domain.ticket.PlaceReview;
import org.griddesk.domain.ticket.TicketTiming;
import org.griddesk.domain.ticket.Transfer;
import org.griddesk.domain.ticket.VideoAlarm;
import org.griddesk.security.RevealRefused;
import org.griddesk.ui.Language;
import org.griddesk.ui.Messages;
import org.griddesk.ui.Percent;

/// The detail pane's view of one ticket: the request as received, the citizen (masked), its
/// deadlines step by step, duplicate suggestions with their scores and reasons, the video alarm and
/// its repeats, the photos and files ([EvidenceStrip], snapshots too), and the whole trail, newest last.
public final class TicketDetailView extends ScrollPane {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(WorkCalendar.ZONE);

    private final Messages messages;
    private final Messages transfer;
    private final VBox content = new VBox(10);

    /// `extras` adds what depends on who sits at the desk: the row of actions, and the reveal of the
    /// citizen's details where the user may see them.
    public TicketDetailView(Messages messages, TicketDetail d, Extras extras) {
        this.messages = messages;
        this.transfer = Messages.of(messages.language(), EventLabels.TRANSFER_BUNDLE);
        getStyleClass().add("ticket-detail");
        setId("ticketDetail");
        setFitToWidth(true);
        content.setPadding(new Insets(12, 14, 14, 14));
        setContent(content);
        Ticket t = d.ticket();
        Label code = new Label(t.code());
        code.getStyleClass().add("detail-code");
        code.setId("detailCode");
        Label state = new Label(messages.get("state." + t.state().name()));
        state.getStyleClass().addAll("detail-state", "state-" + t.state().name().toLowerCase(Locale.ROOT));
        HBox head = new HBox(10, code, state);
        head.getStyleClass().add("detail-head");
        Label what = new Label((d.itemName().isEmpty() ? "" : d.itemName() + " · ") + messages.get("channel." + t.intake().channel().name()));
        what.getStyleClass().add("detail-what");
        content.getChildren().addAll(head, what, extras.actionBar());
        if (t.placeReview() != null) {
            content.getChildren().add(placeReview(d));
        }

        section("detail.received");
        rows(new String[][] {
            {messages.get("detail.reportedAt"), TIME.format(t.intake().reportedAt())},
            {messages.get("detail.place"), d.place().isEmpty() ? messages.get("queue.unplaced") : d.place()},
            // how it was placed, when the gateway placed it (or could not); tickets entered otherwise say nothing
            {messages.get("detail.locatedBy"), t.intake().gridCode() == null ? messages.get("detail.locatedBy.NONE")
                    : placedByPerson(d) ? transfer.get("detail.placedByPerson")
                    : d.intake().locatedBy() == null ? "" : messages.get("detail.locatedBy." + d.intake().locatedBy().name())},
            {messages.get("detail.address"), t.intake().place() == null || t.intake().place().address() == null ? ""
                    : t.intake().place().address()},
            {messages.get("detail.owner"), d.unitName(t.ownerUnitId()) + (t.assignedTeamId() == null ? ""
                    : " → " + d.unitName(t.assignedTeamId()))},
            {transfer.get("detail.transfer"), handover(d)},
            {messages.get("detail.photos"), t.intake().photos().isEmpty() ? "" : String.valueOf(t.intake().photos().size())},
        });
        extras.miniMap().ifPresent(content.getChildren()::add);
        Label text = new Label(t.intake().summary());
        text.setWrapText(true);
        text.getStyleClass().add("detail-text");
        content.getChildren().add(text);
        if (d.intake().urgent()) {
            content.getChildren().add(badge(messages.get("queue.badge.urgent")));
        }
        extras.evidence().apply(d).ifPresent(content.getChildren()::add); // photos, files, snapshots: EvidenceStrip

        if (t.intake().caller() != null) {
            section("detail.citizen");
            Label caller = value(TicketDetailViewModel.callerLine(t.intake().caller(), Messages.of(messages.language(),
                    RevealRefused.BUNDLE)));
            caller.setId("detailCaller");
            if (!t.intake().caller().readable()) {
                caller.getStyleClass().add("detail-unreadable");
            }
            GridPane citizen = grid();
            HBox callerRow = new HBox(8, caller);
            extras.reveal().apply(caller).ifPresent(callerRow.getChildren()::add);
            citizen.addRow(0, key(messages.get("detail.caller")), callerRow);
            citizen.addRow(1, key(messages.get("detail.calls")), value(messages.get("detail.callsValue", d.callerCalls())));
            content.getChildren().add(citizen);
        }
        extras.callerPanel().ifPresent(content.getChildren()::add);

        section("detail.deadlines");
        GridPane steps = grid();
        int row = 0;
        for (TicketTiming.StepTiming s : d.timings()) {
            Label status = new Label(messages.get("timing." + s.status().name()));
            status.getStyleClass().addAll("detail-timing", "timing-" + s.status().name().toLowerCase(Locale.ROOT).replace('_', '-'));
            steps.addRow(row++, key(messages.get("step." + s.step().name())), value(s.dueAt() == null ? "" : TIME.format(s.dueAt())), status);
        }
        if (!Double.isNaN(d.breachChance())) {
            Label chance = value(messages.get("detail.breachChanceValue", Percent.of(messages, d.breachChance())));
            chance.setId("breachChance");
            chance.getStyleClass().add("detail-chance");
            steps.addRow(row++, key(messages.get("detail.breachChance")), chance);
        }
        content.getChildren().add(steps);

        if (!d.duplicates().isEmpty()) {
            section("detail.duplicates");
            for (DuplicateSuggestion s : d.duplicates()) {
                Label line = new Label(s.candidateCode() + "  " + Math.round(s.score() * 100) + "%  " + reasons(s));
                line.setWrapText(true);
                line.getStyleClass().add("detail-duplicate");
                content.getChildren().add(line);
            }
        }

        if (!d.alarms().isEmpty()) {
            section("detail.video");
            VideoAlarm first = d.alarms().getFirst();
            rows(new String[][] {
                {messages.get("detail.camera"), first.cameraCode()},
                {messages.get("detail.alarm"), first.alarmType() + " · " + Math.round(first.confidence() * 100) + "%"},
                {messages.get("detail.repeats"), String.valueOf(d.alarms().size() - 1)},
            });
        }

        if (!t.callbacks().isEmpty()) {
            section("detail.callbacks");
            VBox callbacks = new VBox(4);
            callbacks.setId("detailCallbacks");
            for (var cb : t.callbacks()) {
                Label line = new Label(TIME.format(cb.at()) + "  " + messages.get("callback." + cb.result().name())
                        + (t.round() > 1 ? "  · " + messages.get("detail.round", cb.round()) : "")
                        + (cb.notes() == null || cb.notes().isBlank() ? "" : "\n" + cb.notes()));
                line.setWrapText(true);
                line.getStyleClass().addAll("detail-event", "callback-" + cb.result().name().toLowerCase(Locale.ROOT));
                callbacks.getChildren().add(line);
            }
            content.getChildren().add(callbacks);
        }

        section("detail.trail");
        VBox trail = new VBox(6);
        for (RecordedEvent e : d.trail()) {
            String reason = EventLabels.text(e.event(), messages.language(), d::unitName);
            Label line = new Label(TIME.format(e.at()) + "  " + messages.get(EventLabels.key(e.event()))
                    + "  ·  " + d.unitName(e.actorUnitId()) + (reason == null || reason.isBlank() ? "" : "\n" + reason));
            line.setWrapText(true);
            line.getStyleClass().add("detail-event");
            trail.getChildren().add(line);
        }
        content.getChildren().add(trail);
    }

    /// What the detail pane shows besides the ticket: the actions (and suggestions) of the user at the
    /// desk, and a reveal control for the citizen label (empty where the user may not reveal).
    public record Extras(Node actionBar, Function<Label, Optional<Node>> reveal,
                  Optional<Node> miniMap, Optional<Node> callerPanel, Function<TicketDetail, Optional<Node>> evidence) {
        public Extras(Node actionBar, Function<Label, Optional<Node>> reveal, Optional<Node> miniMap) {
            this(actionBar, reveal, miniMap, Optional.empty(), d -> Optional.empty());
        }
    }

    private String reasons(DuplicateSuggestion s) {
        return messages.language() == Language.EN
                ? String.join("; ", s.reasons().stream().map(DuplicateSuggestion.Reason::en).toList())
                : s.reasonsZh();
    }

    private void section(String key) {
        Label title = new Label(messages.get(key));
        title.getStyleClass().add("detail-section");
        content.getChildren().add(title);
    }

    /// Whether a person placed the ticket (定位) since the intake did or could not (a new map's
    /// placing again is the map's, not a person's).
    private static boolean placedByPerson(TicketDetail d) {
        return d.trail().stream().anyMatch(e -> e.event() instanceof TicketEvent.Placed && e.actorRole() != Role.SYSTEM_ADMIN);
    }

    /// The new map's question (复核定位) in words: what it found and what the centre may do.
    private Label placeReview(TicketDetail d) {
        PlaceReview review = d.ticket().placeReview();
        Label banner = new Label(transfer.get("detail.placeReview." + review.reason().name(),
                d.ticket().intake().gridCode() == null ? transfer.get("trail.unplaced") : d.ticket().intake().gridCode(),
                review.suggestedGrid() == null ? "" : review.suggestedGrid()));
        banner.setWrapText(true);
        banner.getStyleClass().addAll("detail-badge", "detail-place-review");
        banner.setId("detailPlaceReview");
        return banner;
    }

    /// A hand-over (移交) pending or refused, in words; empty when none.
    private String handover(TicketDetail d) {
        Transfer h = d.ticket().transfer();
        if (h == null) {
            return "";
        }
        return h.isPending() ? transfer.get("detail.transferPending", d.unitName(h.fromUnitId()), d.unitName(h.toUnitId()), h.reason())
                : transfer.get("detail.transferRefused", d.unitName(h.toUnitId()), h.refusal());
    }

    private void rows(String[][] lines) {
        GridPane rows = grid();
        int i = 0;
        for (String[] line : lines) {
            if (line[1] != null && !line[1].isBlank()) {
                rows.addRow(i++, key(line[0]), value(line[1]));
            }
        }
        content.getChildren().add(rows);
    }

    private static GridPane grid() {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("detail-rows");
        return grid;
    }

    private static Label key(String text) {
        Label key = new Label(text);
        key.getStyleClass().add("detail-key");
        return key;
    }

    private static Label value(String text) {
        Label value = new Label(text);
        value.setWrapText(true);
        value.getStyleClass().add("detail-value");
        return value;
    }

    private static Label badge(String text) {
        Label badge = new Label(text);
        badge.getStyleClass().add("detail-badge");
        return badge;
    }
}

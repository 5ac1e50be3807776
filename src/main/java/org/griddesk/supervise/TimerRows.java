package org.griddesk.supervise;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongConsumer;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.griddesk.desk.timers.Countdown;
import org.griddesk.domain.ticket.Whistle;
import org.griddesk.store.supervise.TimerLists;
import org.griddesk.store.supervise.TicketLine;
import org.griddesk.ui.Messages;

/// The supervisor board's timer sections: whistle check-ins counting down (and late), overdue
/// contact and overdue callbacks, a row per ticket that opens it on a click. Each countdown is
/// handed to `ticks` and redrawn from its deadline on every tick of the clock.
final class TimerRows {
    static final String BUNDLE = "i18n/timers";
    private static final PseudoClass LATE = PseudoClass.getPseudoClass("late");

    private final Messages messages;
    private final LongConsumer pick;
    private final Function<String, String> teamName;
    private final Consumer<Consumer<Instant>> ticks;

    TimerRows(Messages messages, LongConsumer pick, Function<String, String> teamName, Consumer<Consumer<Instant>> ticks) {
        this.messages = messages;
        this.pick = pick;
        this.teamName = teamName;
        this.ticks = ticks;
    }

    /// the whistle check-ins: a title and a row per summoned team, late ones first
    List<Node> whistles(List<TimerLists.WhistleLine> lines, Instant now, int rows) {
        List<Node> nodes = new ArrayList<>();
        nodes.add(title(messages.get("timers.whistles", lines.size())));
        for (TimerLists.WhistleLine w : lines.subList(0, Math.min(rows, lines.size()))) {
            Label clock = new Label();
            clock.getStyleClass().add("timer-countdown");
            Consumer<Instant> draw = at -> {
                clock.setText(whistleText(w.whistle(), at));
                clock.pseudoClassStateChanged(LATE, w.lateAt(at));
            };
            draw.accept(now);
            ticks.accept(draw);
            String what = w.ticket().code() + "  " + org.griddesk.desk.board.TeamBoard.shortName(teamName.apply(w.whistle().teamId()));
            nodes.add(row("supervisor-whistle-" + w.ticket().code() + "-" + w.whistle().teamId(), w.ticket(), what, clock));
        }
        return nodes;
    }

    /// The words of a whistle's clock at `now`: time left, late and still open, or checked in late.
    String whistleText(Whistle w, Instant now) {
        if (!w.isOpen()) {
            return messages.get("timers.whistle.checkedInLate", Countdown.of(w.lateBy(), messages.language()));
        }
        Duration left = w.leftAt(now);
        return messages.get(w.isLateAt(now) ? "timers.whistle.overdue" : "timers.whistle.left", Countdown.of(left, messages.language()));
    }

    /// an overdue list: a title and a row per ticket, its time past the limit counting up
    List<Node> overdue(String titleKey, String idPart, List<TimerLists.OverdueLine> lines, Instant now, int rows) {
        List<Node> nodes = new ArrayList<>();
        nodes.add(title(messages.get(titleKey, lines.size())));
        for (TimerLists.OverdueLine o : lines.subList(0, Math.min(rows, lines.size()))) {
            Label clock = new Label();
            clock.getStyleClass().add("timer-countdown");
            clock.pseudoClassStateChanged(LATE, true);
            Consumer<Instant> draw = at -> clock.setText(messages.get("timers.overdueBy", Countdown.of(Duration.between(o.dueAt(), at), messages.language())));
            draw.accept(now);
            ticks.accept(draw);
            TicketLine t = o.ticket();
            nodes.add(row("supervisor-" + idPart + "-" + t.code(), t, t.code() + "  " + (t.itemName().isEmpty() ? t.summary() : t.itemName()),
                    clock));
        }
        return nodes;
    }

    private Label title(String text) {
        Label title = new Label(text);
        title.getStyleClass().add("supervisor-section");
        return title;
    }

    private HBox row(String id, TicketLine ticket, String text, Label clock) {
        Label what = new Label(text);
        what.getStyleClass().add("supervisor-row-text");
        what.setMinWidth(0);
        what.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(what, Priority.ALWAYS);
        clock.setMinWidth(Label.USE_PREF_SIZE);
        HBox row = new HBox(6, what, clock);
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass().addAll("supervisor-row", "timer-row");
        row.setId(id);
        row.setOnMouseClicked(e -> pick.accept(ticket.id()));
        return row;
    }
}

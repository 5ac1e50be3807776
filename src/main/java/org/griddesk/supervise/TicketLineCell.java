package org.griddesk.supervise;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.griddesk.domain.ticket.TicketState;
import org.griddesk.store.supervise.TicketLine;
import org.griddesk.ui.Messages;

/// A ticket in a supervisor's list, drawn as the queue draws its rows (the same style classes: code,
/// item, text, place, a red edge and lateness when overdue) but for any ticket, closed ones too; a
/// double-click opens it in the desk's detail pane. The queue's own row is bound to the live queue
/// (drag, context menu, fresh marks) and lists open tickets only, so these lists draw their own.
public final class TicketLineCell extends ListCell<TicketLine> {
    private static final PseudoClass OVERDUE = PseudoClass.getPseudoClass("overdue");
    private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(ZoneId.of("Asia/Shanghai"));

    private final Messages messages;
    private final Supplier<Instant> now;
    private final Label code = new Label();
    private final Label item = new Label();
    private final Label text = new Label();
    private final Label place = new Label();
    private final Label due = new Label();
    private final HBox box;

    public TicketLineCell(Messages messages, Supplier<Instant> now, LongConsumer open) {
        this.messages = messages;
        this.now = now;
        getStyleClass().add("queue-row");
        setPrefWidth(0);
        code.getStyleClass().add("queue-code");
        item.getStyleClass().add("queue-item");
        text.getStyleClass().add("queue-text");
        place.getStyleClass().add("queue-place");
        due.getStyleClass().add("queue-countdown");
        code.setMinWidth(Region.USE_PREF_SIZE);
        due.setMinWidth(Region.USE_PREF_SIZE);
        HBox top = new HBox(8, code, item);
        top.setAlignment(Pos.CENTER_LEFT);
        HBox bottom = new HBox(8, place, spacer(), due);
        bottom.setAlignment(Pos.CENTER_LEFT);
        place.setMinWidth(0);
        VBox lines = new VBox(1, top, text, bottom);
        lines.setMinWidth(0);
        HBox.setHgrow(lines, Priority.ALWAYS);
        box = new HBox(8, lines);
        setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && getItem() != null) {
                open.accept(getItem().id());
            }
        });
    }

    /// Makes `list` draw its tickets with this cell.
    public static void use(ListView<TicketLine> list, Messages messages, Supplier<Instant> now, LongConsumer open) {
        list.setCellFactory(v -> new TicketLineCell(messages, now, open));
        list.getStyleClass().add("queue-list");
    }

    @Override
    protected void updateItem(TicketLine t, boolean empty) {
        super.updateItem(t, empty);
        boolean late = !empty && t != null && t.dueAt() != null && inHand(t.state()) && t.dueAt().isBefore(now.get());
        pseudoClassStateChanged(OVERDUE, late);
        if (empty || t == null) {
            setGraphic(null);
            setText(null);
            setId(null);
            return;
        }
        setId("ticketLine-" + t.code());
        code.setText(t.code());
        item.setText(t.itemName().isEmpty() ? messages.get("state." + t.state().name()) : t.itemName());
        text.setText(t.summary());
        String where = (t.gridCode() + " " + t.address()).strip();
        place.setText(where.isEmpty() ? messages.get("queue.unplaced") : where);
        String state = messages.get("state." + t.state().name());
        if (t.dueAt() == null) {
            due.setText(state);
        } else if (late) {
            Duration over = Duration.between(t.dueAt(), now.get());
            due.setText(state + "  -" + (over.toDays() > 0 ? over.toDays() + "d " : "") + over.toHoursPart() + "h");
        } else {
            due.setText(state + "  " + dueText(t.dueAt()));
        }
        setText(null);
        setGraphic(box);
    }

    /// A due instant as the desk says it: a deadline at midnight is 24:00 of its day (DOMAIN §6).
    static String dueText(Instant at) {
        java.time.ZonedDateTime local = at.atZone(ZoneId.of("Asia/Shanghai"));
        return local.toLocalTime().equals(java.time.LocalTime.MIDNIGHT)
                ? DateTimeFormatter.ofPattern("MM-dd").format(local.minusDays(1)) + " 24:00" : DUE.format(at);
    }

    private static boolean inHand(TicketState s) {
        return switch (s) {
            case ACCEPTED, DISPATCHED, RETURNED, IN_PROGRESS, ESCALATED -> true;
            default -> false;
        };
    }

    private static Region spacer() {
        Region r = new Region();
        HBox.setHgrow(r, Priority.ALWAYS);
        return r;
    }
}

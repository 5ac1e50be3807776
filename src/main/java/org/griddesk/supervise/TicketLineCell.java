package org.griddesk.supervise;

import java.time.Instant;
import java.util.function.LongConsumer;
import javafx.scene.control.ListView;
import javafx.scene.input.MouseButton;
import org.griddesk.desk.queue.QueueItem;
import org.griddesk.desk.queue.TicketCell;
import org.griddesk.ui.Messages;

/// The queue's ticket cell ([TicketCell]: any ticket, closed ones too) in a supervisor's list, with
/// an id per ticket (`ticketLine-<code>`) and a double-click that opens the ticket in the desk's
/// detail pane.
public final class TicketLineCell extends TicketCell {
    private TicketLineCell(Looks looks, LongConsumer open) {
        super(looks);
        setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && getItem() != null) {
                open.accept(getItem().id());
            }
        });
    }

    /// Makes `list` draw its tickets as the queue does; `open` shows one in the desk.
    public static void use(ListView<QueueItem> list, Messages messages, LongConsumer open) {
        Looks looks = new Looks() {
            @Override
            public Messages messages() {
                return messages;
            }

            @Override
            public Instant now() {
                return Instant.now();
            }

            @Override
            public boolean fresh(long ticketId) {
                return false;
            }
        };
        list.setCellFactory(v -> new TicketLineCell(looks, open));
        list.setFixedCellSize(TicketCell.HEIGHT);
        list.getStyleClass().add("queue-list");
    }

    @Override
    protected void updateItem(QueueItem q, boolean empty) {
        super.updateItem(q, empty);
        setId(empty || q == null ? null : "ticketLine-" + q.code());
    }
}

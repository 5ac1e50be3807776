package org.griddesk.desk.queue;

import javafx.scene.input.ClipboardContent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;
import org.griddesk.map.MapView;

/// One row of the queue: a [TicketCell] reused as the list scrolls, ticked by the clock. A drag
/// takes its ticket (as [MapView#TICKET]); a right click asks for its actions.
final class QueueRow extends TicketCell {
    QueueRow(QueueView host) {
        super(host.looks());
        setOnDragDetected(e -> {
            QueueItem q = getItem();
            if (q == null) {
                return;
            }
            host.pickedOnRow(q);
            Dragboard board = startDragAndDrop(TransferMode.MOVE);
            ClipboardContent content = new ClipboardContent();
            content.put(MapView.TICKET, q.id());
            content.putString(q.code());
            board.setContent(content);
            board.setDragView(snapshot(null, null), 12, 12);
            host.dragStarted(q);
            e.consume();
        });
        setOnDragDone(e -> host.dragEnded());
        setOnContextMenuRequested(e -> {
            QueueItem q = getItem();
            if (q != null) {
                host.pickedOnRow(q);
                host.menuAsked(q, this, e.getScreenX(), e.getScreenY());
                e.consume();
            }
        });
    }
}

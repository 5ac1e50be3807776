package org.griddesk.desk.detail;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.LongConsumer;
import javafx.animation.PauseTransition;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.griddesk.desk.queue.QueueItem;
import org.griddesk.domain.calendar.WorkCalendar;
import org.griddesk.search.HistoryIndex;
import org.griddesk.search.HistorySearch;
import org.griddesk.ui.Messages;
import org.griddesk.ui.TaskExecutor;

/// The caller panel of the detail pane (来电人历史): the same phone's and the same address's other
/// requests of the last 90 days, within what the viewer may see, each a link that opens it. Read
/// in the background when the pane is built; says so while the history index is being built.
public final class CallerPanel extends VBox {
    public static final String BUNDLE = "i18n/search";
    static final Duration RETRY = Duration.seconds(3);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yy-MM-dd").withZone(WorkCalendar.ZONE);

    /// Where the panel reads (blocking, called off the FX thread).
    public interface Source {
        /// the same phone's and address's other tickets, in the viewer's scope
        HistorySearch.CallerHistory callerHistory(long ticketId, Instant now);

        /// these tickets' rows, any state, in the order given
        List<QueueItem> rows(List<Long> ids, Instant now);
    }

    private record Read(HistorySearch.CallerHistory history, List<QueueItem> phone, List<QueueItem> address) {
    }

    private final Messages words;
    private final Messages desk;
    private final LongConsumer open;

    /// @param open what a link does with its ticket's id (on the FX thread)
    public CallerPanel(Messages desk, long ticketId, Source source, TaskExecutor executor, Instant now, LongConsumer open) {
        super(4);
        this.desk = desk;
        this.words = Messages.of(desk.language(), BUNDLE);
        this.open = open;
        setId("callerPanel");
        getStyleClass().add("caller-panel");
        Label title = new Label(words.get("caller.title"));
        title.getStyleClass().add("detail-section");
        Label status = new Label(words.get("caller.loading"));
        status.setId("callerPanelStatus");
        status.getStyleClass().add("detail-value");
        getChildren().addAll(title, status);
        read(() -> {
            HistorySearch.CallerHistory h = source.callerHistory(ticketId, now);
            return new Read(h, source.rows(h.samePhone(), now), source.rows(h.sameAddress(), now));
        }, executor, status);
    }

    private void read(java.util.concurrent.Callable<Read> reading, TaskExecutor executor, Label status) {
        try {
            executor.submit(reading, read -> show(read, status, () -> read(reading, executor, status)),
                    failure -> status.setText(words.get("caller.failed")));
        } catch (RejectedExecutionException closing) {
            // the desk is closing: nothing more to read
        }
    }

    /// While the index is being built the panel says so and asks again every few seconds, as long as
    /// it is on screen, so that it fills in by itself when the index is ready.
    private void show(Read read, Label status, Runnable again) {
        if (!read.history().ready()) {
            boolean failed = read.history().state() == HistoryIndex.State.FAILED;
            status.setText(words.get(failed ? "caller.failed" : "caller.building"));
            if (!failed) {
                PauseTransition wait = new PauseTransition(RETRY);
                wait.setOnFinished(e -> {
                    if (getScene() != null && getScene().getWindow() != null && getScene().getWindow().isShowing()) {
                        again.run();
                    }
                });
                wait.play();
            }
            return;
        }
        getChildren().remove(status);
        group("caller.samePhone", "callerSamePhone", read.phone());
        group("caller.sameAddress", "callerSameAddress", read.address());
    }

    private void group(String key, String id, List<QueueItem> rows) {
        Label head = new Label(words.get(key, rows.size()));
        head.getStyleClass().add("detail-key");
        VBox links = new VBox(2);
        links.setId(id);
        if (rows.isEmpty()) {
            Label none = new Label(words.get("caller.none"));
            none.getStyleClass().add("detail-value");
            links.getChildren().add(none);
        }
        for (QueueItem row : rows) {
            Hyperlink link = new Hyperlink(row.code() + "  " + DAY.format(row.reportedAt()) + "  "
                    + desk.get("state." + row.state().name()) + "  " + row.shortText());
            link.getStyleClass().add("caller-link");
            link.setUserData(row.id());
            link.setOnAction(e -> open.accept(row.id()));
            links.getChildren().add(link);
        }
        getChildren().addAll(head, links);
    }
}

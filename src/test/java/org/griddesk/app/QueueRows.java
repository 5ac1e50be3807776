package org.griddesk.app;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import org.griddesk.desk.queue.QueueItem;
import org.testfx.api.FxRobot;
import org.testfx.service.query.EmptyNodeQueryException;
import org.testfx.util.WaitForAsyncUtils;

/// The desk's queue as a user's hand meets it: its rows, waiting for one, the row on screen, and a
/// click that opens its detail (made again when the queue was reloaded under the pointer).
final class QueueRows {
    private QueueRows() {
    }

    @SuppressWarnings("unchecked")
    static ListView<QueueItem> list(FxRobot robot) {
        return robot.lookup("#queueList").queryAs(ListView.class);
    }

    /// The queue's rows, read on the FX thread (it changes them as the queue reloads).
    static List<QueueItem> rows(FxRobot robot) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> List.copyOf(list(robot).getItems())).get(5, TimeUnit.SECONDS);
    }

    static String waitFor(FxRobot robot, String code) throws Exception {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> rows(robot).stream().anyMatch(i -> i.code().equals(code)));
        return code;
    }

    /// The ticket's row as it is on screen now.
    static Node visible(FxRobot robot, String code) {
        return robot.lookup((Node n) -> n instanceof ListCell<?> cell && cell.isVisible() && cell.getItem() instanceof QueueItem q
                && q.code().equals(code)).query();
    }

    /// Clicks the ticket's row (scrolled to first) and waits for its detail; the queue reloads whenever
    /// the trail moves on, so a click that met a row being rebound is simply made again.
    static void click(FxRobot robot, String code) throws Exception {
        waitFor(robot, code);
        for (int attempt = 1; ; attempt++) {
            robot.interact(() -> list(robot).scrollTo(list(robot).getItems().stream().filter(i -> i.code().equals(code)).findFirst()
                    .orElseThrow()));
            WaitForAsyncUtils.waitForFxEvents();
            try {
                robot.clickOn(visible(robot, code));
                WaitForAsyncUtils.waitFor(4, TimeUnit.SECONDS, () -> robot.lookup("#detailCode").tryQuery()
                        .map(n -> code.equals(((Label) n).getText())).orElse(false));
                return;
            } catch (TimeoutException | EmptyNodeQueryException e) {
                if (attempt == 5) { // a busy two-core machine once missed three times running
                    throw e;
                }
            }
        }
    }
}

package org.griddesk.desk.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import javafx.scene.control.Label;
import org.griddesk.domain.ticket.Channel;
import org.griddesk.domain.ticket.TicketState;
import org.griddesk.testsupport.FxToolkitSupport;
import org.griddesk.ui.Language;
import org.griddesk.ui.Messages;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/// What an empty queue says: filters hiding everything, nothing open, or a first start whose
/// history has not yet reached the days that hold the open tickets.
class QueueViewTest {
    private static final Instant NOW = Instant.parse("2026-11-02T02:00:00Z");

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkitSupport.start();
    }

    private static <T> T onFx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get();
    }

    @Test
    void anEmptyQueueSaysWhyItIsEmpty() throws Exception {
        QueueViewModel model = new QueueViewModel("JN");
        QueueView view = onFx(() -> new QueueView(model, Messages.of(Language.ZH_CN)));
        Label placeholder = onFx(() -> (Label) view.list().getPlaceholder());

        String arriving = onFx(() -> {
            model.show(List.of(), NOW);
            model.historyArrivingProperty().set(true);
            return placeholder.getText();
        });
        assertThat(arriving).startsWith("首次启动：正在写入历史工单");

        assertThat(onFx(() -> {
            model.historyArrivingProperty().set(false);
            return placeholder.getText();
        })).isEqualTo("暂无在办工单");

        assertThat(onFx(() -> {
            model.historyArrivingProperty().set(true);
            model.show(List.of(new QueueItem(7, "2611-0007", Channel.HOTLINE_8890, TicketState.REPORTED, "路灯不亮", "路灯损坏",
                    "XSG-001-01", "津沽苑社区 · 第1网格", "JN", NOW.minusSeconds(60), NOW.plus(Duration.ofHours(2)),
                    QueueItem.Risk.NORMAL, false, 0, 0, 0, QueueItem.Work.NONE)), NOW);
            model.searchProperty().set("没有这个词");
            return placeholder.getText();
        })).as("tickets there, hidden by the search").isEqualTo("没有符合条件的工单");
    }

    @Test
    void theNextPersonsFirstClickPicksEvenTheRowTheLastOnePicked() throws Exception {
        QueueViewModel model = new QueueViewModel("JN");
        QueueView view = onFx(() -> new QueueView(model, Messages.of(Language.ZH_CN)));
        QueueItem row = new QueueItem(7, "2611-0007", Channel.HOTLINE_8890, TicketState.REPORTED, "路灯不亮", "路灯损坏",
                "XSG-001-01", "津沽苑社区 · 第1网格", "JN", NOW.minusSeconds(60), NOW.plus(Duration.ofHours(2)),
                QueueItem.Risk.NORMAL, false, 0, 0, 0, QueueItem.Work.NONE);
        assertThat(onFx(() -> {
            model.show(List.of(row), NOW);
            view.select(7);
            return view.list().getSelectionModel().getSelectedItem();
        })).isEqualTo(row);

        // sign-out empties the queue; the next person's rows come, the same ticket among them
        assertThat(onFx(() -> {
            model.clear();
            model.show(List.of(row), NOW);
            return view.list().getSelectionModel().getSelectedItem();
        })).as("nothing picked for the next person: a click on the row is a pick").isNull();
    }
}

package org.griddesk.desk.detail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.control.Label;
import org.griddesk.desk.queue.QueueItem;
import org.griddesk.search.HistoryIndex;
import org.griddesk.search.HistorySearch;
import org.griddesk.testsupport.FxToolkitSupport;
import org.griddesk.ui.FxTaskExecutor;
import org.griddesk.ui.Language;
import org.griddesk.ui.Messages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/// The caller panel opened while the history index is still being built says so, and fills in by
/// itself once the index is ready — nobody has to pick the ticket again.
class CallerPanelTest {
    private static final FxTaskExecutor executor = new FxTaskExecutor(1);

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkitSupport.start();
    }

    @AfterAll
    static void stop() {
        executor.close();
    }

    @Test
    void aPanelShownWhileTheIndexIsBuiltFillsInWhenItIsReady() throws Exception {
        AtomicInteger asked = new AtomicInteger();
        CallerPanel.Source source = new CallerPanel.Source() {
            @Override
            public HistorySearch.CallerHistory callerHistory(long ticketId, Instant now) {
                HistoryIndex.State state = asked.incrementAndGet() < 2 ? HistoryIndex.State.BUILDING : HistoryIndex.State.READY;
                return new HistorySearch.CallerHistory(state, List.of(), List.of());
            }

            @Override
            public List<QueueItem> rows(List<Long> ids, Instant now) {
                return List.of();
            }
        };
        Messages desk = Messages.of(Language.ZH_CN, "i18n/messages");
        CallerPanel panel = WaitForAsyncUtils.asyncFx(() -> new CallerPanel(desk, 42, source, executor, Instant.now(), id -> {
        })).get(5, TimeUnit.SECONDS);
        javafx.stage.Stage stage = WaitForAsyncUtils.asyncFx(() -> {
            javafx.stage.Stage shown = new javafx.stage.Stage();
            shown.setScene(new javafx.scene.Scene(panel, 400, 300));
            shown.show();
            return shown;
        }).get(5, TimeUnit.SECONDS);

        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> onFx(() -> panel.lookup("#callerPanelStatus") instanceof Label l
                && l.getText().contains("索引") && panel.lookup("#callerSamePhone") == null));

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> panel.lookup("#callerSamePhone") != null));
        // The panel is built on the FX thread in one go; read it there, once that pass has ended.
        List<javafx.scene.Node> shown = WaitForAsyncUtils.asyncFx(() -> java.util.Arrays.asList(
                panel.lookup("#callerPanelStatus"), panel.lookup("#callerSameAddress"))).get(5, TimeUnit.SECONDS);
        assertThat(asked.get()).isEqualTo(2);
        assertThat(shown.get(0)).as("the 'index is being built' line is gone").isNull();
        assertThat(shown.get(1)).as("the same-address group").isNotNull();
        WaitForAsyncUtils.asyncFx(stage::hide).get(5, TimeUnit.SECONDS);
    }

    private static boolean onFx(java.util.concurrent.Callable<Boolean> reading) throws Exception {
        return WaitForAsyncUtils.asyncFx(reading).get(5, TimeUnit.SECONDS);
    }
}

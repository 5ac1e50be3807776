package org.griddesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.griddesk.desk.DeskModel;
import org.griddesk.desk.StatusBarViewModel;
import org.griddesk.domain.ShiftSchedule;
import org.griddesk.store.DatabaseKind;
import org.griddesk.store.DatabaseSettings;
import org.griddesk.store.ThreadGuard;
import org.griddesk.testsupport.QueuedExecutor;
import org.griddesk.ui.Language;
import org.griddesk.ui.Messages;
import org.griddesk.ui.TaskExecutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// The desk's own gateway and its session: on a new embedded store (which has no channel keys, so
/// no channel could send anything) it starts only once the demo district is whole, not in
/// competition with its writers; on a store that was there, at once; and a start still queued when
/// the desk closes never listens (it came up on a closed store and kept its port).
class DeskSessionGatewayTest {
    @TempDir
    Path dataDir;

    @Test
    void onANewStoreTheGatewayStartsOnceTheDistrictIsWhole() throws Exception {
        List<String> heard = runDesk();

        assertThat(heard).containsSubsequence("ready", "district whole", "gateway");
        assertThat(heard.indexOf("gateway")).isGreaterThan(heard.indexOf("district whole"));
    }

    @Test
    void onAStoreThatWasThereTheGatewayStartsAtOnce() throws Exception {
        runDesk(); // the first start makes the store

        List<String> heard = runDesk();

        assertThat(heard).containsSubsequence("ready", "gateway", "district whole");
    }

    @Test
    void aGatewayQueuedWhenTheDeskClosesNeverListens() throws Exception {
        runDesk(); // a store that was there: its gateway's start is queued as soon as it opens
        int port = freePort();
        QueuedExecutor executor = new QueuedExecutor();
        Heard listener = new Heard(executor);
        DeskSession session = new DeskSession(executor, ThreadGuard.NONE, listener.model, 20211, 0);

        session.openStore(dataDir, DatabaseSettings.embeddedH2(dataDir), port, listener::onGateway);
        executor.runNext(); // the store opens; its callback queues the gateway's start and the district
        assertThat(listener.heard).containsExactly("ready");
        assertThat(executor.queued()).isGreaterThanOrEqualTo(2);

        session.close(); // the pool then runs what was queued, as a shut-down executor does

        assertThat(listener.heard).doesNotContain("gateway");
        assertThatCode(() -> new ServerSocket(port, 50, InetAddress.getLoopbackAddress()).close())
                .as("port %d is free", port).doesNotThrowAnyException();
    }

    /// Starts a desk's session on the data folder, runs its work to the end and closes it: what
    /// its listener heard, in order.
    private List<String> runDesk() throws Exception {
        QueuedExecutor executor = new QueuedExecutor();
        Heard listener = new Heard(executor);
        DeskSession session = new DeskSession(executor, ThreadGuard.NONE, listener.model, 20211, 0);
        session.openStore(dataDir, DatabaseSettings.embeddedH2(dataDir), freePort(), listener::onGateway);
        executor.runAll();
        session.close();
        return listener.heard;
    }

    private static int freePort() throws IOException {
        try (ServerSocket free = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            return free.getLocalPort();
        }
    }

    /// What the desk's model and its gateway callback say, in order.
    private static final class Heard {
        final List<String> heard = new ArrayList<>();
        final DeskModel model;

        Heard(TaskExecutor executor) {
            StatusBarViewModel status = new StatusBarViewModel(Messages.of(Language.ZH_CN), ShiftSchedule.defaultSchedule(),
                    DatabaseKind.H2, "test");
            model = new DeskModel(executor, Clock.systemUTC(), status, "JN");
            model.readyProperty().addListener((obs, was, ready) -> heard.add("ready"));
            model.districtWholeProperty().addListener((obs, was, made) -> heard.add("district whole"));
        }

        void onGateway(int port) {
            heard.add("gateway");
        }
    }
}

package org.griddesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.griddesk.map.MapModel;
import org.griddesk.store.ConnectionState;
import org.griddesk.store.DatabaseSettings;
import org.griddesk.store.ThreadGuard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// Closing the desk while its start-up work is still queued: what close stopped must not start
/// afterwards (the desk's gateway came up on a closed store and kept its port).
class DeskSessionCloseTest {
    @TempDir
    Path dataDir;

    @Test
    void aGatewayQueuedWhenTheDeskClosesNeverListens() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        QueuedExecutor executor = new QueuedExecutor();
        DeskSession session = new DeskSession(executor, ThreadGuard.NONE, 20211, 0);
        Listener listener = new Listener();

        session.openStore(DatabaseSettings.embeddedH2(dataDir), port, listener);
        executor.runNext(); // the store opens; its callback queues the gateway's start and the district
        assertThat(listener.ready).isTrue();
        assertThat(executor.queued()).isPositive();

        session.close(); // the pool then runs what was queued, as a shut-down executor does

        assertThat(listener.gatewayPort).isZero();
        assertThatCode(() -> new ServerSocket(port, 50, InetAddress.getLoopbackAddress()).close())
                .as("port %d is free", port).doesNotThrowAnyException();
    }

    private static final class Listener implements DeskSession.StoreListener {
        boolean ready;
        int gatewayPort;

        @Override
        public void onState(ConnectionState state, java.time.Instant dataAsOf) {
        }

        @Override
        public void onFailure(String reason) {
        }

        @Override
        public void onReady() {
            ready = true;
        }

        @Override
        public void onActivity(String key, int percent) {
        }

        @Override
        public void onMap(MapModel model) {
        }

        @Override
        public void onGateway(int port) {
            gatewayPort = port;
        }
    }
}

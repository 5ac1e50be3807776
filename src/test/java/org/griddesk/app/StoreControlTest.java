package org.griddesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import org.griddesk.domain.ticket.Channel;
import org.griddesk.store.Database;
import org.griddesk.store.DatabaseSettings;
import org.griddesk.store.ThreadGuard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreControlTest {
    @TempDir
    Path dataDir;

    @Test
    void aProcessHoldingTheStoreAnswersKeyRequestsAndRemovesItsSocketWhenItCloses() throws Exception {
        DatabaseSettings settings = DatabaseSettings.embeddedH2(dataDir);
        Path socket = StoreControl.socketOf(settings).orElseThrow();
        try (Database db = Database.open(settings, ThreadGuard.NONE)) {
            db.migrate();
            Files.createDirectories(socket.getParent());
            Files.writeString(socket, "left by a process that was killed");
            try (StoreControl control = StoreControl.serve(settings, db).orElseThrow()) {
                var added = StoreControl.ask(socket, new ChannelKeyRequest.AddForChannel(Channel.VIDEO, "雪亮", "d".repeat(64)))
                        .orElseThrow().added();
                assertThat(added.channel()).isEqualTo(Channel.VIDEO);
                assertThat(StoreControl.ask(socket, new ChannelKeyRequest.ListAll()).orElseThrow().keys())
                        .extracting(k -> k.label()).containsExactly("雪亮");
                assertThat(StoreControl.ask(socket, new ChannelKeyRequest.Revoke(added.id())).orElseThrow().revoked()).isTrue();
                assertThat(StoreControl.ask(socket, new ChannelKeyRequest.Revoke(added.id())).orElseThrow().revoked()).isFalse();
                assertThat(send(socket, "{\"@type\":\"DropEverything\"}")).as("not a request of ours").contains("\"error\"");
            }
            assertThat(socket).doesNotExist();
            assertThat(StoreControl.ask(socket, new ChannelKeyRequest.ListAll())).as("nobody serves").isEmpty();
        }
    }

    @Test
    void aSocketFileNobodyServesIsNoAnswer() throws Exception {
        Path socket = StoreControl.socketOf(DatabaseSettings.embeddedH2(dataDir)).orElseThrow();
        Files.createDirectories(socket.getParent());
        Files.writeString(socket, "stale");
        assertThat(StoreControl.ask(socket, new ChannelKeyRequest.ListAll())).isEmpty();
        assertThat(StoreControl.socketOf(new DatabaseSettings("jdbc:postgresql://db/griddesk", "u", "p"))).isEmpty();
    }

    private static String send(Path socket, String text) throws Exception {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            channel.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
            channel.shutdownOutput();
            ByteBuffer answer = ByteBuffer.allocate(4096);
            while (channel.read(answer) >= 0) {
                // until the control closes its side
            }
            return new String(answer.array(), 0, answer.position(), StandardCharsets.UTF_8);
        }
    }
}

package org.griddesk.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Optional;
import org.griddesk.security.AuditSink;
import org.griddesk.store.Database;
import org.griddesk.store.DatabaseSettings;
import org.griddesk.store.backup.BackupFolder;
import org.griddesk.store.security.ChannelKeyRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// How `griddesk channels …` and `griddesk db backup` reach the embedded store while a desk or a
/// gateway holds it open (H2 lets one process open the file): the process serves [ControlRequest]s —
/// channel keys ([ChannelKeyRequest]) and backups ([BackupRequest]) — on a local socket next to the
/// store's file, `db/griddesk.control`. A Unix domain socket (Linux, and Windows
/// 10 and later): no network port; whoever may open the data folder may use it, as they could open
/// the store's file itself when nothing runs. A revoked key stops working at the gateway within its
/// key cache's 5 seconds.
///
/// PostgreSQL needs none of this: every command connects to the server itself.
final class StoreControl implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(StoreControl.class);
    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule()).build();
    /// a request is one short JSON object; anything longer is not one of ours
    private static final int MAX_REQUEST = 64 * 1024;
    /// a reply lists every key at most: tens of thousands fit
    private static final int MAX_REPLY = 32 * 1024 * 1024;

    private final ServerSocketChannel server;
    private final Path socket;
    private final ChannelKeyRepository keys;
    private final AuditSink audit;
    private final Database db;
    private final BackupFolder backups;
    private final Thread accepting;

    private StoreControl(ServerSocketChannel server, Path socket, Database db, AuditSink audit, BackupFolder backups) {
        this.server = server;
        this.socket = socket;
        this.db = db;
        this.keys = new ChannelKeyRepository(db.dsl(), Clock.systemUTC());
        this.audit = audit;
        this.backups = backups;
        this.accepting = Thread.ofPlatform().daemon().name("griddesk:store-control").start(this::accept);
    }

    /// The control socket of a store: next to an embedded file store's file; none for other stores.
    static Optional<Path> socketOf(DatabaseSettings settings) {
        return settings.embeddedFile().map(file -> Path.of(file + ".control"));
    }

    /// Serves the keys of `db` on its control socket, until closed. Empty for a store that is not an
    /// embedded file, or when the socket cannot be made (said in the log: `channels` commands then
    /// wait until this process ends).
    static Optional<StoreControl> serve(DatabaseSettings settings, Database db) {
        return serve(settings, db, new BackupFolder(db.backupsFolder().orElse(Path.of("backups")), Clock.systemUTC(), ZoneId.systemDefault()));
    }

    /// As [#serve(DatabaseSettings, Database)], a backup asked without a file going to `backups`.
    static Optional<StoreControl> serve(DatabaseSettings settings, Database db, BackupFolder backups) {
        Optional<Path> socket = socketOf(settings);
        if (socket.isEmpty()) {
            return Optional.empty();
        }
        try {
            // this process holds the store open, so a socket file there is left by one that was killed
            Files.deleteIfExists(socket.get());
            ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            server.bind(UnixDomainSocketAddress.of(socket.get()));
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(socket.get(), PosixFilePermissions.fromString("rw-------"));
            }
            return Optional.of(new StoreControl(server, socket.get(), db, AuditSinks.of(db), backups));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            log.warn("channel keys cannot be changed while this process runs: no control socket at {} ({})", socket.get(),
                    e.toString());
            return Optional.empty();
        }
    }

    /// Asks the process serving `socket`; empty when none serves it (nothing runs, or a process that
    /// was killed left its socket file).
    static Optional<ChannelKeyRequest.Reply> ask(Path socket, ChannelKeyRequest request) throws IOException {
        return ask(socket, request, ChannelKeyRequest.Reply.class);
    }

    /// Asks the process serving `socket` and reads its reply as `replyType`; empty when none serves it.
    static <R> Optional<R> ask(Path socket, ControlRequest request, Class<R> replyType) throws IOException {
        if (!Files.exists(socket)) {
            return Optional.empty();
        }
        SocketChannel channel;
        try {
            channel = SocketChannel.open(UnixDomainSocketAddress.of(socket));
        } catch (IOException nobodyThere) {
            return Optional.empty();
        }
        try (channel) {
            write(channel, JSON.writeValueAsBytes(request));
            return Optional.of(JSON.readValue(read(channel, MAX_REPLY), replyType));
        }
    }

    private void accept() {
        while (server.isOpen()) {
            try {
                SocketChannel client = server.accept();
                Thread.ofVirtual().name("griddesk:store-control-request").start(() -> answer(client));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void answer(SocketChannel client) {
        try (client) {
            Object reply;
            ControlRequest request = null;
            try {
                request = JSON.readValue(read(client, MAX_REQUEST), ControlRequest.class);
                log.info("{} asked through the control socket", request);
                reply = switch (request) {
                    case ChannelKeyRequest k -> ChannelKeyRequest.applyAudited(k, keys, audit);
                    case BackupRequest b -> b.apply(db, backups);
                };
            } catch (IOException | RuntimeException e) {
                log.warn("a request through the control socket failed: {}", request, e);
                reply = request instanceof BackupRequest ? BackupRequest.Reply.failed(e) : ChannelKeyRequest.Reply.failed(e.getMessage());
            }
            write(client, JSON.writeValueAsBytes(reply));
        } catch (IOException gone) {
            log.debug("the command asking through the control socket went away", gone);
        }
    }

    /// Everything up to the peer's end of output, at most `max` bytes.
    private static byte[] read(SocketChannel channel, int max) throws IOException {
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        ByteBuffer buffer = ByteBuffer.allocate(8192);
        while (channel.read(buffer) >= 0) {
            buffer.flip();
            message.write(buffer.array(), 0, buffer.limit());
            buffer.clear();
            if (message.size() > max) {
                throw new IOException("a control message over " + max + " bytes");
            }
        }
        return message.toByteArray();
    }

    private static void write(SocketChannel channel, byte[] message) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(message);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
        channel.shutdownOutput();
    }

    @Override
    public void close() {
        try {
            server.close();
            accepting.join(2_000);
            Files.deleteIfExists(socket);
        } catch (IOException e) {
            log.debug("the control socket {} was not removed", socket, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

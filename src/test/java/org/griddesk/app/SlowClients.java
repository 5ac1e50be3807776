package org.griddesk.app;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/// Clients that hold a gateway's connections open by sending as slowly as they can, without a key,
/// each on a virtual thread and from a loopback address of its own choosing (`127.0.0.N`, so the
/// gateway sees them as other machines): a header that never ends, or a body that never ends on an
/// Open311 form post or a channel endpoint. A client the gateway cuts off connects again three to
/// five seconds later and starts over (a flood of new connections is another attack: the per-address
/// limit meets it).
final class SlowClients implements AutoCloseable {
    /// What a slow client sends before it drips one byte a second.
    enum Kind {
        /// a request line and a header whose value never ends
        ENDLESS_HEADER("POST /api/v1/hotline/orders HTTP/1.1\r\nHost: gateway\r\nX-Padding: "),
        /// an Open311 form post (whose key would be inside the body) with a body that never ends
        OPEN311_FORM_BODY("POST /open311/v2/requests.json HTTP/1.1\r\nHost: gateway\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 60000\r\n\r\nservice_code="),
        /// a channel endpoint's JSON body that never ends, without a key
        CHANNEL_BODY("POST /api/v1/hotline/orders HTTP/1.1\r\nHost: gateway\r\n"
                + "Content-Type: application/json\r\nContent-Length: 60000\r\n\r\n{\"orderNo\":\"");

        private final byte[] opening;

        Kind(String opening) {
            this.opening = opening.getBytes(StandardCharsets.US_ASCII);
        }
    }

    /// how long a client cut off waits before it connects again, at least: slow, not a flood of
    /// connections (each waits up to 2 s more, so they do not all come back at once)
    private static final long RECONNECT_AFTER_MILLIS = 3_000;

    private final InetSocketAddress gateway;
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger cutOff = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicInteger connected = new AtomicInteger();
    private volatile boolean running = true;

    private SlowClients(URI gateway) {
        this.gateway = new InetSocketAddress(gateway.getHost(), gateway.getPort());
    }

    /// `perAddress` clients from each of `addresses` loopback addresses (from 127.0.0.`firstAddress`),
    /// their kinds taken in turn from `kinds`.
    static SlowClients start(URI gateway, int firstAddress, int addresses, int perAddress, List<Kind> kinds) throws IOException {
        SlowClients clients = new SlowClients(gateway);
        int n = 0;
        for (int a = 0; a < addresses; a++) {
            InetAddress from = InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) (firstAddress + a)});
            for (int i = 0; i < perAddress; i++) {
                Kind kind = kinds.get(n++ % kinds.size());
                clients.threads.add(Thread.ofVirtual().name("slow-" + from.getHostAddress() + "-" + i).start(() -> clients.drip(from, kind)));
            }
        }
        return clients;
    }

    /// Connections made so far.
    int connected() {
        return connected.get();
    }

    /// Connections the gateway has kept open for a second or more, dripping now.
    int open() {
        return open.get();
    }

    /// Connections the gateway closed (or answered) after keeping them a second or more.
    int cutOff() {
        return cutOff.get();
    }

    /// Connections the gateway closed (or answered) within their first second.
    int refused() {
        return refused.get();
    }

    private void drip(InetAddress from, Kind kind) {
        while (running) {
            try (Socket socket = new Socket()) {
                socket.bind(new InetSocketAddress(from, 0));
                socket.connect(gateway, 2_000);
                connected.incrementAndGet();
                OutputStream out = socket.getOutputStream();
                try {
                    out.write(kind.opening);
                    out.flush();
                } catch (IOException closedAtOnce) {
                    refused.incrementAndGet();
                    pause(RECONNECT_AFTER_MILLIS + ThreadLocalRandom.current().nextLong(2_000));
                    continue;
                }
                boolean held = false; // the gateway kept it past its first second
                try {
                    socket.setSoTimeout(1_000);
                    while (running && !answeredOrClosed(socket)) {
                        if (!held) {
                            held = true;
                            open.incrementAndGet();
                        }
                        out.write('a');
                        out.flush();
                    }
                } finally {
                    if (held) {
                        open.decrementAndGet();
                    }
                }
                if (running) {
                    (held ? cutOff : refused).incrementAndGet();
                    pause(RECONNECT_AFTER_MILLIS + ThreadLocalRandom.current().nextLong(2_000));
                }
            } catch (IOException cut) {
                if (running) {
                    cutOff.incrementAndGet();
                    pause(RECONNECT_AFTER_MILLIS + ThreadLocalRandom.current().nextLong(2_000));
                }
            }
        }
    }

    /// Waits a second for the gateway: true when it answered or closed the connection meanwhile.
    private static boolean answeredOrClosed(Socket socket) throws IOException {
        try {
            socket.getInputStream().read();
            return true; // a byte of an answer, or the end of the stream
        } catch (SocketTimeoutException stillWaiting) {
            return false;
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        for (Thread t : threads) {
            t.interrupt();
        }
        for (Thread t : threads) {
            t.join(5_000);
        }
    }
}

package org.griddesk.intake;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.IdleTimeout;
import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// Watches the gateway's connections, per client address:
///
/// - at most `perAddress` open at once from one address: for one beyond that, the address's
///   connection idle longest between requests is closed (an HTTP client keeping its pool alive), or,
///   when none is, the new one, as soon as it opens and before a byte of it is read; so one machine
///   holding connections cannot take the gateway from the others;
/// - a connection whose first request's headers are not whole `headerDeadline` after it opened is
///   closed (a header sent a byte at a time holds no thread, but it holds a connection).
///
/// A TCP connection is known by its own endpoint: a TLS connection, with two Jetty connections on
/// it, counts once.
final class ConnectionGuard extends AbstractLifeCycle implements Connection.Listener {
    private static final Logger log = LoggerFactory.getLogger(ConnectionGuard.class);

    /// a kept-alive connection with nothing arriving or leaving this long may give way to a new one
    private static final long IDLE_ENOUGH_MILLIS = 2_000;

    /// One client's TCP connection: its endpoint, the Jetty connections on it, when it opened, and
    /// whether it is already chosen to give way to a new connection.
    private record Tracked(EndPoint network, InetAddress address, long openedNanos, List<Connection> connections,
                           AtomicBoolean givingWay) {
        boolean servedARequest() {
            return connections.stream().anyMatch(c -> c.getMessagesIn() > 0);
        }

        /// Idle between requests: every request on it answered, nothing sent either way for a while.
        long idleBetweenRequestsFor() {
            boolean answered = servedARequest() && connections.stream().allMatch(c -> c.getMessagesIn() <= c.getMessagesOut());
            return answered && network instanceof IdleTimeout idle ? idle.getIdleFor() : -1;
        }

        void close() {
            connections.forEach(Connection::close);
        }
    }

    private final int perAddress;
    private final Duration headerDeadline;
    private final Map<InetAddress, Integer> open = new ConcurrentHashMap<>();
    private final Map<EndPoint, Tracked> tracked = new ConcurrentHashMap<>();
    /// the addresses told about in the log: a flood writes one line per address, not one per connection
    private final Map<InetAddress, Boolean> warned = new ConcurrentHashMap<>();
    private volatile Thread sweeper;

    ConnectionGuard(int perAddress, Duration headerDeadline) {
        this.perAddress = perAddress;
        this.headerDeadline = headerDeadline;
    }

    @Override
    public void onOpened(Connection connection) {
        EndPoint network = network(connection.getEndPoint());
        if (!(network.getRemoteSocketAddress() instanceof InetSocketAddress remote)) {
            return;
        }
        boolean[] first = {false};
        Tracked t = tracked.computeIfAbsent(network, n -> {
            first[0] = true;
            return new Tracked(n, remote.getAddress(), System.nanoTime(), new CopyOnWriteArrayList<>(), new AtomicBoolean());
        });
        t.connections().add(connection);
        if (first[0] && open.merge(t.address(), 1, Integer::sum) > perAddress) {
            Optional<Tracked> idle = longestIdle(t.address());
            if (idle.isPresent()) {
                // a client that keeps many connections alive between requests (an HTTP client's pool)
                // opens another: its longest idle one makes way, rather than the new one failing
                log.debug("{} at its {} connections: an idle one closed for a new one", t.address().getHostAddress(), perAddress);
                idle.get().close();
                return;
            }
            if (warned.putIfAbsent(t.address(), Boolean.TRUE) == null) {
                log.warn("{} holds {} connections to the gateway, the most one address may; further ones are closed",
                        t.address().getHostAddress(), perAddress);
            }
            connection.close();
        }
    }

    @Override
    public void onClosed(Connection connection) {
        Tracked t = tracked.remove(network(connection.getEndPoint()));
        if (t != null && open.compute(t.address(), (a, n) -> n == null || n <= 1 ? null : n - 1) == null) {
            warned.remove(t.address());
        }
    }

    /// The connection of `address` idle between requests longest (2 s at least), claimed to give way.
    private Optional<Tracked> longestIdle(InetAddress address) {
        while (true) {
            Optional<Tracked> idlest = tracked.values().stream()
                    .filter(t -> t.address().equals(address) && !t.givingWay().get() && t.idleBetweenRequestsFor() >= IDLE_ENOUGH_MILLIS)
                    .max(Comparator.comparingLong(Tracked::idleBetweenRequestsFor));
            if (idlest.isEmpty() || idlest.get().givingWay().compareAndSet(false, true)) {
                return idlest;
            }
        }
    }

    /// The TCP connection's own endpoint under any endpoint wrapped on it (TLS decrypts on one).
    private static EndPoint network(EndPoint endPoint) {
        EndPoint e = endPoint;
        while (e instanceof EndPoint.Wrapper wrapper) {
            e = wrapper.unwrap();
        }
        return e;
    }

    @Override
    protected void doStart() {
        long sweepEvery = Math.max(100, headerDeadline.toMillis() / 4);
        sweeper = Thread.ofVirtual().name("griddesk:gateway-connection-sweep").start(() -> {
            while (isRunning() || isStarting()) {
                try {
                    Thread.sleep(sweepEvery);
                } catch (InterruptedException stopped) {
                    return;
                }
                closeHeadersPastDeadline();
            }
        });
    }

    @Override
    protected void doStop() {
        Thread s = sweeper;
        if (s != null) {
            s.interrupt();
        }
    }

    private void closeHeadersPastDeadline() {
        long now = System.nanoTime();
        for (Tracked t : tracked.values()) {
            if (now - t.openedNanos() > headerDeadline.toNanos() && !t.servedARequest()) {
                log.debug("{}: no whole request {} s after connecting, closed", t.address().getHostAddress(),
                        headerDeadline.toSeconds());
                t.close();
            }
        }
    }
}

package org.griddesk.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.griddesk.app.GatewayWiring;
import org.griddesk.demo.DemoDistrictGenerator;
import org.griddesk.demo.DemoDistrictLoader;
import org.griddesk.dispatch.DeskCommand;
import org.griddesk.dispatch.DeskCore;
import org.griddesk.dispatch.TicketActions;
import org.griddesk.domain.org.Actor;
import org.griddesk.domain.org.Role;
import org.griddesk.domain.ticket.Channel;
import org.griddesk.domain.ticket.Ticket;
import org.griddesk.domain.ticket.TicketState;
import org.griddesk.intake.Gateway;
import org.griddesk.security.ApiKeys;
import org.griddesk.store.ConnectionMonitor;
import org.griddesk.store.ConnectionState;
import org.griddesk.store.Database;
import org.griddesk.store.DatabaseSettings;
import org.griddesk.store.ThreadGuard;
import org.griddesk.store.district.DistrictRepository;
import org.griddesk.store.feed.Change;
import org.griddesk.store.feed.ChangeBatch;
import org.griddesk.store.feed.ChangeFeed;
import org.griddesk.store.jooq.Tables;
import org.griddesk.store.security.ChannelKeyRepository;
import org.griddesk.store.ticket.QueueRepository;
import org.jooq.impl.DSL;

/// A command centre in one JVM for tests and benchmarks: one store (usually PostgreSQL) with the
/// demo district, and as many desk cores and gateways on it as asked, each with its own connection
/// pool, monitor and feed, as separate PCs would have. Each desk records every change its feed
/// gives it, so tests can prove none was missed or given twice.
public final class CommandCentre implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final DatabaseSettings settings;
    private final Database admin;
    private final Map<Channel, String> keys = new EnumMap<>(Channel.class);
    private final List<AutoCloseable> parts = new CopyOnWriteArrayList<>();

    private CommandCentre(DatabaseSettings settings) {
        this.settings = settings;
        // an embedded store gets the district made once per test run (DemoStores); a server loads it below
        settings.embeddedFile().filter(f -> settings.equals(DatabaseSettings.embeddedH2(f.getParent().getParent())))
                .ifPresent(f -> DemoStores.seed(f.getParent().getParent(), DemoStores.Keys.TEST_RING));
        this.admin = TestDataKeys.attach(Database.open(settings, ThreadGuard.NONE));
        admin.migrate();
        DemoDistrictLoader.loadIfEmpty(admin, DemoDistrictGenerator.DEFAULT_SEED, 0, Instant.now(), step -> { });
        ChannelKeyRepository repository = new ChannelKeyRepository(admin.dsl(), Clock.systemUTC());
        for (Channel channel : Channel.values()) {
            String key = ApiKeys.newKey();
            repository.add(channel, "test " + channel.name(), ApiKeys.digest(key));
            keys.put(channel, key);
        }
    }

    /// Migrates the store and loads the demo district (no history) when it is empty.
    public static CommandCentre on(DatabaseSettings settings) {
        return new CommandCentre(settings);
    }

    /// The centre's own connection, for setting up and checking.
    public Database admin() {
        return admin;
    }

    public String hotlineKey() {
        return keys.get(Channel.HOTLINE_8890);
    }

    /// A key for every channel (what the simulator posts with).
    public Map<Channel, String> keys() {
        return Map.copyOf(keys);
    }

    /// A desk core on its own pool, with the store's usual pace.
    public Desk desk(String name) {
        return desk(name, ChangeFeed.Pace.of(settings.kind()));
    }

    public Desk desk(String name, ChangeFeed.Pace pace) {
        return desk(name, pace, false);
    }

    /// `readsQueue`: each batch reads the queue rows of the tickets it names before it counts as
    /// applied, as the desk's queue does (benchmarks: "applied", not only "heard").
    public Desk desk(String name, ChangeFeed.Pace pace, boolean readsQueue) {
        Desk desk = new Desk(name, TestDataKeys.attach(Database.open(settings, ThreadGuard.NONE)), pace, readsQueue);
        parts.add(desk);
        return desk;
    }

    /// A gateway on its own pool and a free port, answering 503 while its monitor finds the store away.
    public GatewayNode gateway() {
        GatewayNode node = new GatewayNode(TestDataKeys.attach(Database.open(settings, ThreadGuard.NONE)));
        parts.add(node);
        return node;
    }

    @Override
    public void close() {
        for (AutoCloseable part : parts.reversed()) {
            try {
                part.close();
            } catch (Exception e) {
                // closing everything anyway
            }
        }
        admin.close();
    }

    /// One desk: its core and what its feed gave it.
    public static final class Desk implements DeskCore.Listener, AutoCloseable {
        private final String name;
        private final Database db;
        private final DeskCore core;
        private final Map<Long, Integer> timesSeen = new ConcurrentHashMap<>();
        private final Map<Long, Long> seenAtNanos = new ConcurrentHashMap<>();
        private final List<ConnectionState> states = new CopyOnWriteArrayList<>();
        private final AtomicReference<ConnectionState> state = new AtomicReference<>(ConnectionState.CONNECTED);

        private final QueueRepository queue;

        Desk(String name, Database db, ChangeFeed.Pace pace, boolean readsQueue) {
            this.name = name;
            this.db = db;
            this.queue = readsQueue ? new QueueRepository(db.dsl()) : null;
            this.core = DeskCore.start(db, pace, Clock.systemUTC(), this);
        }

        @Override
        public void onState(ConnectionState now) {
            state.set(now);
            states.add(now);
        }

        @Override
        public void onChanges(ChangeBatch batch) {
            if (queue != null) {
                queue.openTickets(batch.ticketIds());
            }
            long now = System.nanoTime();
            for (Change c : batch.changes()) {
                timesSeen.merge(c.seq(), 1, Integer::sum);
                seenAtNanos.putIfAbsent(c.seq(), now);
            }
        }

        public String name() {
            return name;
        }

        public DeskCore core() {
            return core;
        }

        public ConnectionState state() {
            return state.get();
        }

        /// Every state the monitor reported, in order.
        public List<ConnectionState> states() {
            return List.copyOf(states);
        }

        /// When the feed gave this event to the desk (System.nanoTime), or null if it has not.
        public Long seenAt(long seq) {
            return seenAtNanos.get(seq);
        }

        /// The events given more than once (none, ever).
        public List<Long> givenTwice() {
            return timesSeen.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).sorted().toList();
        }

        /// Every event number the feed gave.
        public Set<Long> seen() {
            return Set.copyOf(timesSeen.keySet());
        }

        /// What the desk knows, for a benchmark's or test's failure message.
        public String diagnose(Collection<Long> expected) {
            var missing = expected.stream().filter(s -> !timesSeen.containsKey(s)).limit(10).toList();
            StringBuilder threads = new StringBuilder();
            Thread.getAllStackTraces().forEach((t, stack) -> {
                if (t.getName().startsWith("griddesk:feed")) {
                    threads.append("\n  ").append(t.getName()).append(' ').append(t.getState());
                    for (int i = 0; i < Math.min(12, stack.length); i++) {
                        threads.append("\n    at ").append(stack[i]);
                    }
                }
            });
            return name + ": state " + state.get() + ", feed at " + core.feed().position() + ", waiting for "
                    + core.feed().waitingFor() + ", last read " + core.lastRead() + ", missing " + missing + threads;
        }

        /// Waits until the feed gave all of `seqs`; true when it did within `timeout`.
        public boolean awaitSeen(Collection<Long> seqs, Duration timeout) throws InterruptedException {
            return await(() -> timesSeen.keySet().containsAll(seqs), timeout);
        }

        /// Waits until the monitor reports `wanted`; true when it did within `timeout`.
        public boolean awaitState(ConnectionState wanted, Duration timeout) throws InterruptedException {
            return await(() -> state.get() == wanted, timeout);
        }

        private static boolean await(BooleanSupplier done, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!done.getAsBoolean()) {
                if (System.nanoTime() > deadline) {
                    return false;
                }
                Thread.sleep(10);
            }
            return true;
        }

        @Override
        public void close() {
            core.close();
            db.close();
        }
    }

    /// One gateway: its own pool, monitor and port.
    public static final class GatewayNode implements AutoCloseable {
        private final Database db;
        private final ConnectionMonitor monitor;
        private final AutoCloseable following;
        private final Gateway gateway;
        private volatile ConnectionState state = ConnectionState.CONNECTED;
        private volatile Exception lastFailure;

        GatewayNode(Database db) {
            this.db = db;
            this.monitor = new ConnectionMonitor(db, DeskCore.CHECK_EVERY, now -> state = now);
            Gateway.Intakes intakes = GatewayWiring.intakes(db, Clock.systemUTC());
            this.following = GatewayWiring.follow(db, intakes);
            this.gateway = Gateway.start("127.0.0.1", 0, () -> new Gateway.Health(state == ConnectionState.CONNECTED,
                    state.name(), "test"), intakes);
        }

        public int port() {
            return gateway.port();
        }

        public ConnectionState state() {
            return state;
        }

        /// Posts a hotline order; the status code, or -1 when the gateway could not be reached.
        public int postOrder(String key, String orderNo) {
            String body = """
                    {"orderNo":"%s","receivedAt":"2026-11-26T09:30:00+08:00","caller":{"name":"王建华","phone":"13812348000"},
                     "content":"小区门口路灯不亮三天了","address":"咸水沽镇津沽路 12 号","urgent":false}""".formatted(orderNo);
            try {
                return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + "/api/v1/hotline/orders"))
                        .timeout(Duration.ofSeconds(20)).header("Content-Type", "application/json").header("X-Api-Key", key)
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString())
                        .statusCode();
            } catch (IOException e) {
                lastFailure = e;
                return -1;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1;
            }
        }

        /// Posts an order as a channel does: again after a 503 or a failure, until it is acknowledged
        /// (201 taken, 200 already taken). The attempts it took.
        public int sendUntilTaken(String key, String orderNo, Duration giveUpAfter) throws InterruptedException {
            long deadline = System.nanoTime() + giveUpAfter.toNanos();
            int attempts = 0;
            while (System.nanoTime() < deadline) {
                attempts++;
                int status = postOrder(key, orderNo);
                if (status == 201 || status == 200) {
                    return attempts;
                }
                if (status >= 400 && status < 500 && status != 429) {
                    throw new IllegalStateException("order " + orderNo + " refused: " + status);
                }
                Thread.sleep(200);
            }
            throw new IllegalStateException("order " + orderNo + " not taken in " + giveUpAfter + " (" + attempts
                    + " attempts, last answer " + postOrder(key, orderNo) + ")");
        }

        @Override
        public void close() throws Exception {
            gateway.close();
            if (following != null) {
                following.close();
            }
            monitor.close();
            db.close();
        }
    }

    /// A dispatcher accepting a hotline order, as seen, about a street lamp and dispatching it to the
    /// owning centre's first team.
    public static DeskCommand.AcceptAndDispatch acceptAndDispatch(TicketActions actions,
                                                                                       Ticket ticket) {
        var lamp = actions.items().stream().filter(i -> i.name().contains("路灯")).findFirst().orElseThrow();
        return new DeskCommand.AcceptAndDispatch(ticket, new DeskCommand.ItemChoice(
                lamp.code(), TicketActions.policy(lamp, false), lamp.consultation()),
                actions.responsibility().teamsOf(ticket.ownerUnitId()).getFirst().id());
    }

    /// A dispatcher of the centre that owns the ticket.
    public Actor dispatcherOf(Ticket ticket, String id, String name) {
        var owner = new DistrictRepository(admin.dsl()).organisation().unit(ticket.ownerUnitId())
                .orElseThrow();
        return new Actor(id, name, Role.DISPATCHER, owner);
    }

    /// Up to `limit` tickets waiting to be accepted, newest first.
    public List<Long> waitingTickets(int limit) {
        var t = Tables.TICKET;
        return admin.dsl().select(t.ID).from(t).where(t.STATE.eq(TicketState.REPORTED.name()))
                .orderBy(t.ID.desc()).limit(limit).fetch(t.ID);
    }

    /// The newest event number of one ticket.
    public long lastEventOf(long ticketId) {
        var e = Tables.TICKET_EVENT;
        return admin.dsl().select(DSL.max(e.SEQ)).from(e).where(e.TICKET_ID.eq(ticketId)).fetchOne(0, Long.class);
    }

    /// The event numbers committed after `after`, read on the centre's own connection.
    public List<Long> eventsAfter(long after) {
        return new ArrayList<>(admin.dsl().select(Tables.TICKET_EVENT.SEQ)
                .from(Tables.TICKET_EVENT)
                .where(Tables.TICKET_EVENT.SEQ.gt(after))
                .orderBy(Tables.TICKET_EVENT.SEQ)
                .fetch(Tables.TICKET_EVENT.SEQ));
    }

    /// The newest event number now.
    public long lastEvent() {
        Long seq = admin.dsl().select(DSL.max(Tables.TICKET_EVENT.SEQ))
                .from(Tables.TICKET_EVENT).fetchOne(0, Long.class);
        return seq == null ? 0 : seq;
    }
}

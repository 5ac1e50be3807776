package org.griddesk.app;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.griddesk.demo.DemoDistrictGenerator;
import org.griddesk.demo.DemoDistrictLoader;
import org.griddesk.domain.org.Actor;
import org.griddesk.domain.org.Role;
import org.griddesk.domain.ticket.Channel;
import org.griddesk.domain.ticket.LifecycleRules;
import org.griddesk.domain.ticket.Ticket;
import org.griddesk.domain.ticket.TicketLifecycle;
import org.griddesk.intake.Gateway;
import org.griddesk.intake.RateLimiter;
import org.griddesk.security.ApiKeys;
import org.griddesk.store.DataKeySetup;
import org.griddesk.store.Database;
import org.griddesk.store.DatabaseSettings;
import org.griddesk.store.ThreadGuard;
import org.griddesk.testsupport.DemoStores;
import org.griddesk.store.calendar.CalendarRepository;
import org.griddesk.store.district.DistrictRepository;
import org.griddesk.store.security.ChannelKeyRepository;
import org.griddesk.store.ticket.TicketRepository;
import org.griddesk.store.ticket.TicketService;

/// An embedded store with the demo district (no history), a key per channel, and a gateway on a free port.
final class GatewayFixture implements AutoCloseable {
    static final HttpClient HTTP = HttpClient.newHttpClient();

    final Database db;
    final Gateway gateway;
    private final Map<Channel, String> keys = new EnumMap<>(Channel.class);

    GatewayFixture(Path dataDir) {
        this(dataDir, RateLimiter.DEFAULT);
    }

    GatewayFixture(Path dataDir, RateLimiter limiter) {
        DemoStores.seed(dataDir, DemoStores.Keys.KEY_FILE); // the district made once per test run
        db = Database.open(DatabaseSettings.embeddedH2(dataDir), ThreadGuard.NONE);
        db.migrate();
        DataKeySetup.attach(db, dataDir);
        DemoDistrictLoader.loadIfEmpty(db, DemoDistrictGenerator.DEFAULT_SEED, 0, Instant.now(), step -> { });
        ChannelKeyRepository repository = new ChannelKeyRepository(db.dsl(), Clock.systemUTC());
        for (Channel channel : Channel.values()) {
            String key = ApiKeys.newKey();
            repository.add(channel, channel.zhName(), ApiKeys.digest(key));
            keys.put(channel, key);
        }
        gateway = Gateway.start("127.0.0.1", 0, () -> new Gateway.Health(true, "CONNECTED", "test"),
                GatewayWiring.intakes(db, Clock.systemUTC()), limiter);
    }

    String key(Channel channel) {
        return keys.get(channel);
    }

    /// A key for a team's own system.
    String teamKey(String teamUnit) {
        String key = ApiKeys.newKey();
        new ChannelKeyRepository(db.dsl(), Clock.systemUTC()).addForTeam(teamUnit, "test " + teamUnit, ApiKeys.digest(key));
        return key;
    }

    HttpResponse<String> post(String path, String key, String body) throws Exception {
        return send(path, key, "application/json", HttpRequest.BodyPublishers.ofString(body));
    }

    HttpResponse<String> send(String path, String key, String contentType, HttpRequest.BodyPublisher body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType).POST(body);
        if (key != null) {
            request.header("X-Api-Key", key);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /// Posts a large body as a client sending that much should: asking first (`Expect: 100-continue`),
    /// so that a body over the limit is refused before it is sent. Sent at once, the refusal races
    /// the body: the gateway answers and closes while the client still writes, and the client may
    /// see the connection closed instead of the answer.
    HttpResponse<String> postAskingFirst(String path, String key, byte[] body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).expectContinue(true)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (key != null) {
            request.header("X-Api-Key", key);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path, String key) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri(path)).header("X-Api-Key", key).build(), HttpResponse.BodyHandlers.ofString());
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + gateway.port() + path);
    }

    /// The desk's side: lifecycle commands on the same store.
    TicketService desk() {
        var organisation = new DistrictRepository(db.dsl()).organisation();
        return new TicketService(db.dsl(), new TicketLifecycle(
                new CalendarRepository(db.dsl(), Clock.systemUTC()).workCalendar(), organisation,
                LifecycleRules.DEFAULT), Clock.systemUTC());
    }

    /// A dispatcher at the centre that owns the ticket.
    Actor dispatcherOf(Ticket ticket) {
        var centre = new DistrictRepository(db.dsl()).organisation().unit(ticket.ownerUnitId()).orElseThrow();
        return new Actor("u-" + centre.id() + "-01", "调度员", Role.DISPATCHER, centre);
    }

    int tickets() {
        return new TicketRepository(db.dsl()).count();
    }

    @Override
    public void close() {
        gateway.close();
        db.close();
    }
}

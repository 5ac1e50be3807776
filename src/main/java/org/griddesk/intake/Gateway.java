package org.griddesk.intake;

import io.javalin.Javalin;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.json.JavalinJackson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import org.eclipse.jetty.server.Server;
import org.griddesk.domain.taxonomy.Taxonomy;
import org.griddesk.domain.ticket.Channel;
import org.griddesk.store.patrol.PatrolIngest;
import org.griddesk.visit.WorkerDuties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// The intake gateway: the one HTTP server through which every channel reaches the queue.
///
/// This first part serves the health endpoint and writes the access log; the Open311 and channel
/// endpoints of the intake issue are added to it. The access log names method, path (never the
/// query string or the body: they may hold personal data), status, time and the caller's address.
public final class Gateway implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Gateway.class);
    private static final Logger access = LoggerFactory.getLogger("org.griddesk.intake.access");

    /// What `/health` says. `writable` false (the store is away) answers 503, so channels retry.
    public record Health(boolean writable, String store, String version) {
    }

    private final Javalin app;
    private volatile boolean closed;
    /// reads the district ahead of the first request; a close waits for it (its store closes next)
    private volatile Thread warmUp;
    /// how long a close waits for the warm-up's read (it is never interrupted: H2 closes its file
    /// when a thread reading it is interrupted)
    private static final Duration WARM_UP_WAIT = Duration.ofSeconds(5);

    private Gateway(Javalin app) {
        this.app = app;
    }

    /// How the gateway knows a channel by its key's digest, and where it takes requests (empty
    /// while the store has no district to place them in).
    /// Teams' systems are known by their keys' digests too, and are served by `feedback`.
    /// Grid workers are known by their personal tokens (`Authorization: Bearer gdw_…`, [#workerOfToken]).
    public record Intakes(Function<String, Optional<Channel>> channelOfDigest, Function<String, Optional<String>> teamOfDigest,
                          Supplier<Optional<IntakeService>> service, Supplier<Optional<TeamFeedback>> feedback,
                          Supplier<Optional<Taxonomy>> taxonomy, BiFunction<String, String, Optional<IntakeService.SignedWorker>> workerOfToken,
                          Supplier<Optional<WorkerDuties>> duties, Supplier<Optional<PatrolIngest>> patrols) {
        static final Intakes NONE = new Intakes(digest -> Optional.empty(), digest -> Optional.empty(), Optional::empty,
                Optional::empty, Optional::empty);

        /// Without workers' tokens (a gateway that takes channels' keys only).
        public Intakes(Function<String, Optional<Channel>> channelOfDigest, Function<String, Optional<String>> teamOfDigest,
                       Supplier<Optional<IntakeService>> service, Supplier<Optional<TeamFeedback>> feedback,
                       Supplier<Optional<Taxonomy>> taxonomy) {
            this(channelOfDigest, teamOfDigest, service, feedback, taxonomy, (token, from) -> Optional.empty());
        }

        /// Without the workers' app beyond reports, and without patrols ([WorkerEndpoints] and
        /// [PatrolEndpoints] answer 503).
        public Intakes(Function<String, Optional<Channel>> channelOfDigest, Function<String, Optional<String>> teamOfDigest,
                       Supplier<Optional<IntakeService>> service, Supplier<Optional<TeamFeedback>> feedback,
                       Supplier<Optional<Taxonomy>> taxonomy, BiFunction<String, String, Optional<IntakeService.SignedWorker>> workerOfToken) {
            this(channelOfDigest, teamOfDigest, service, feedback, taxonomy, workerOfToken, Optional::empty, Optional::empty);
        }
    }

    /// the largest request body taken (a video alarm's 2 MB snapshot, base64, with room to spare) on
    /// every route but the team API's file upload ([TeamFiles#MAX_BODY])
    static final long MAX_BODY = 4L * 1024 * 1024;

    /// Starts on `bind`:`port` (port 0: any free one) with the health endpoint only.
    public static Gateway start(String bind, int port, Supplier<Health> health) {
        return start(bind, port, health, Intakes.NONE);
    }

    /// Starts on `bind`:`port` (port 0: any free one).
    public static Gateway start(String bind, int port, Supplier<Health> health, Intakes intakes) {
        return start(bind, port, health, intakes, RateLimiter.DEFAULT);
    }

    /// Serving HTTPS with the certificate and key of a PKCS#12 keystore.
    public record Tls(Path keystore, String password) {
        public Tls {
            if (!Files.isReadable(keystore)) {
                throw new IllegalArgumentException("cannot read the TLS keystore " + keystore);
            }
        }
    }

    /// Starts with its own per-key rate limit.
    public static Gateway start(String bind, int port, Supplier<Health> health, Intakes intakes, RateLimiter limiter) {
        return start(bind, port, health, intakes, limiter, null);
    }

    /// Starts with its own per-key rate limit, serving HTTPS only when `tls` is given.
    public static Gateway start(String bind, int port, Supplier<Health> health, Intakes intakes, RateLimiter limiter, Tls tls) {
        return start(bind, port, health, intakes, limiter, tls, GatewayLimits.DEFAULT);
    }

    /// Starts with its own per-key rate limit and limits per client, serving HTTPS only when `tls` is given.
    public static Gateway start(String bind, int port, Supplier<Health> health, Intakes intakes, RateLimiter limiter, Tls tls,
                                GatewayLimits limits) {
        Taker taker = new Taker(health, intakes, limiter);
        ChannelEndpoints channels = new ChannelEndpoints(taker);
        TeamEndpoints teams = new TeamEndpoints(taker);
        Open311Endpoints open311 = new Open311Endpoints(taker);
        PatrolEndpoints patrols = new PatrolEndpoints(taker);
        Javalin app = Javalin.create(config -> {
            config.jsonMapper(new JavalinJackson());
            config.http.maxRequestSize = MAX_BODY;
            config.jetty.host = bind;
            config.jetty.port = port;
            config.concurrency.useVirtualThreads = true;
            AtomicReference<Server> jetty = new AtomicReference<>();
            config.jetty.modifyServer(jetty::set);
            config.jetty.modifyHttpConfiguration(limits::onHttp);
            config.events.serverStarting(() -> limits.onConnectors(jetty.get()));
            if (tls != null) {
                config.jetty.addConnector((server, http) -> GatewayTls.connector(server, http, tls, bind, port));
            }
            config.startup.showJavalinBanner = false;
            config.requestLogger.http((ctx, ms) -> access.info("{} {} {} {} ms {}", ctx.method(), ctx.path(), ctx.statusCode(),
                    Math.round(ms), ctx.ip()));
            // refuse an oversized body by its declared length, before reading any of it (a client that
            // sent `Expect: 100-continue` is told before it sends the body at all)
            config.routes.before(ctx -> {
                // an upload of the team API has its own limit, one file's 10 MB (TeamFiles)
                if (ctx.contentLength() > MAX_BODY && !ctx.path().equals(TeamFiles.PATH)) {
                    throw new io.javalin.http.ContentTooLargeResponse("请求体超过 4 MB / the body is over 4 MB");
                }
            });
            config.routes.get("/health", ctx -> {
                Health h = health.get();
                ctx.status(h.writable() ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
                        .json(Map.of("status", h.writable() ? "UP" : "STORE_UNAVAILABLE", "store", h.store(),
                                "version", h.version()));
            });
            config.routes.post("/api/v1/hotline/orders", channels::hotlineOrder);
            config.routes.post("/api/v1/grid/reports", channels::gridReport);
            config.routes.post(PatrolEndpoints.PATH, patrols::post);
            config.routes.post("/api/v1/video/alarms", channels::videoAlarm);
            config.routes.post("/api/v1/pushes", channels::push);
            config.routes.post(TeamFiles.PATH, teams::upload);
            config.routes.get("/api/v1/team/tickets", teams::work);
            config.routes.get("/api/v1/team/tickets/{code}", teams::ticket);
            config.routes.post("/api/v1/team/tickets/{code}/{action}", teams::act);
            new WorkerEndpoints(taker).routes(config.routes);
            config.routes.get("/open311/v2/{resource}", open311::list);
            config.routes.get("/open311/v2/{collection}/{file}", open311::one);
            config.routes.post("/open311/v2/{resource}", open311::create);
            config.routes.error(404, GatewayErrors::noSuchAddress);
            config.routes.exception(HttpResponseException.class, GatewayErrors::refused);
            config.routes.exception(Exception.class, GatewayErrors::failed);
            config.jetty.modifyServer(server -> server.setErrorHandler(new GatewayErrors()));
        }).start();
        log.info("intake gateway listening on {}:{}{}", bind, app.port(), tls == null ? "" : " (HTTPS)");
        Gateway gateway = new Gateway(app);
        // read the district now, not on the first channel's request (it takes a second or two)
        gateway.warmUp = Thread.ofVirtual().name("griddesk:gateway-warm-up").start(() -> {
            try {
                intakes.service().get();
            } catch (RuntimeException e) {
                if (gateway.closed) { // closed before the read was done, with its store: nothing is missing
                    log.debug("gateway warm-up ended by the close: {}", e.toString());
                } else {
                    log.warn("the gateway could not read the district yet; it will on the first request", e);
                }
            }
        });
        return gateway;
    }

    static Map<String, Object> invalid(List<FieldError> errors) {
        return Map.of("error", "invalid", "message", "请求有误，未受理 / the request was not taken",
                "fields", errors.stream().map(e -> Map.of("field", e.field(), "message", e.zh() + " / " + e.en())).toList());
    }

    /// The error body every endpoint uses: a code for programs and a message in Chinese and English.
    static Map<String, String> error(String code, String message) {
        return Map.of("error", code, "message", message);
    }

    /// The port it listens on.
    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        closed = true;
        app.stop();
        Thread reading = warmUp;
        if (reading != null) {
            try {
                if (!reading.join(WARM_UP_WAIT)) {
                    log.warn("the gateway's warm-up still reads the district after {} s", WARM_UP_WAIT.toSeconds());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}

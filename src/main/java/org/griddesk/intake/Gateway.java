package org.griddesk.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.json.JavalinJackson;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.griddesk.domain.ticket.Channel;
import org.griddesk.security.ApiKeys;
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

    private Gateway(Javalin app) {
        this.app = app;
    }

    /// How the gateway knows a channel by its key's digest, and where it takes requests (empty
    /// while the store has no district to place them in).
    public record Intakes(Function<String, Optional<Channel>> channelOfDigest, Supplier<Optional<IntakeService>> service,
                          Supplier<Optional<org.griddesk.domain.taxonomy.Taxonomy>> taxonomy) {
        static final Intakes NONE = new Intakes(digest -> Optional.empty(), Optional::empty, Optional::empty);
    }

    /// the largest request body taken (a video alarm's 2 MB snapshot, base64, with room to spare)
    static final long MAX_BODY = 4L * 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    /// Starts on `bind`:`port` (port 0: any free one) with the health endpoint only.
    public static Gateway start(String bind, int port, Supplier<Health> health) {
        return start(bind, port, health, Intakes.NONE);
    }

    /// Starts on `bind`:`port` (port 0: any free one).
    public static Gateway start(String bind, int port, Supplier<Health> health, Intakes intakes) {
        return start(bind, port, health, intakes, RateLimiter.DEFAULT);
    }

    /// Starts with its own per-key rate limit.
    public static Gateway start(String bind, int port, Supplier<Health> health, Intakes intakes, RateLimiter limiter) {
        Taker taker = new Taker(health, intakes, limiter);
        Javalin app = Javalin.create(config -> {
            config.jsonMapper(new JavalinJackson());
            config.http.maxRequestSize = MAX_BODY;
            config.jetty.host = bind;
            config.jetty.port = port;
            config.startup.showJavalinBanner = false;
            config.requestLogger.http((ctx, ms) -> access.info("{} {} {} {} ms {}", ctx.method(), ctx.path(), ctx.statusCode(),
                    Math.round(ms), ctx.ip()));
            config.routes.get("/health", ctx -> {
                Health h = health.get();
                ctx.status(h.writable() ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
                        .json(Map.of("status", h.writable() ? "UP" : "STORE_UNAVAILABLE", "store", h.store(),
                                "version", h.version()));
            });
            config.routes.post("/api/v1/hotline/orders", ctx -> hotlineOrder(ctx, taker));
            config.routes.post("/api/v1/grid/reports", ctx -> gridReport(ctx, taker));
            config.routes.get("/open311/v2/{resource}", ctx -> open311(ctx, intakes, ctx.pathParam("resource"), null));
            config.routes.get("/open311/v2/services/{file}", ctx -> open311(ctx, intakes, "services", ctx.pathParam("file")));
            config.routes.error(404, ctx -> {
                if (!ctx.path().startsWith("/open311/")) { // Open311 answers its own 404s, in its own shape
                    ctx.json(error("not_found", "没有这个地址 / no such address: " + ctx.method() + " " + ctx.path()));
                }
            });
            config.routes.exception(Exception.class, (e, ctx) -> {
                log.error("gateway request {} {} failed", ctx.method(), ctx.path(), e);
                ctx.status(HttpStatus.INTERNAL_SERVER_ERROR).json(error("internal", "网关内部错误 / internal gateway error"));
            });
        }).start();
        log.info("intake gateway listening on {}:{}", bind, app.port());
        return new Gateway(app);
    }

    /// `POST /api/v1/hotline/orders`: an 8890 work order, once per order number.
    private static void hotlineOrder(Context ctx, Taker taker) {
        Optional<Taking> taking = taker.taking(ctx, Channel.HOTLINE_8890);
        if (taking.isEmpty()) {
            return;
        }
        HotlineOrder.Parsed order = HotlineOrder.parse(taking.get().body(), java.time.Instant.now());
        if (!order.valid()) {
            ctx.status(HttpStatus.BAD_REQUEST).json(invalid(order.errors()));
            return;
        }
        answer(ctx, taking.get().service().accept(order.intake(), null));
    }

    /// `POST /api/v1/grid/reports`: a grid worker's report from 网格通, once per report id.
    private static void gridReport(Context ctx, Taker taker) {
        Optional<Taking> taking = taker.taking(ctx, Channel.GRID_APP);
        if (taking.isEmpty()) {
            return;
        }
        GridReport.Parsed report = GridReport.parse(taking.get().body(), java.time.Instant.now());
        List<FieldError> errors = new java.util.ArrayList<>(report.errors());
        if (report.valid() && report.intake().gridCode() != null && !taking.get().service().knowsGrid(report.intake().gridCode())) {
            errors.add(new FieldError("gridCode", "没有这个网格：" + report.intake().gridCode(), "no such grid: " + report.intake().gridCode()));
        }
        if (!errors.isEmpty()) {
            ctx.status(HttpStatus.BAD_REQUEST).json(invalid(errors));
            return;
        }
        answer(ctx, taking.get().service().accept(report.intake(), report.workerId()));
    }

    /// Open311 GeoReport v2: `services.{json|xml}` and `services/{code}.{json|xml}`.
    private static void open311(Context ctx, Intakes intakes, String resource, String file) {
        String name = file != null ? file : resource;
        int dot = name.lastIndexOf('.');
        String format = dot < 0 ? "json" : name.substring(dot + 1);
        String base = dot < 0 ? name : name.substring(0, dot);
        if (!format.equals("json") && !format.equals("xml")) {
            send(ctx, 404, Open311.error(404, "format must be json or xml", "json"));
            return;
        }
        Optional<org.griddesk.domain.taxonomy.Taxonomy> taxonomy = intakes.taxonomy().get();
        if (taxonomy.isEmpty()) {
            send(ctx, 503, Open311.error(503, "the service list is not available now", format));
        } else if (file == null && base.equals("services")) {
            send(ctx, 200, Open311.services(taxonomy.get(), format));
        } else if (file != null) {
            Optional<Open311.Body> definition = Open311.definition(taxonomy.get(), base, format);
            send(ctx, definition.isPresent() ? 200 : 404,
                    definition.orElseGet(() -> Open311.error(404, "no service with code " + base, format)));
        } else {
            send(ctx, 404, Open311.error(404, "no such resource: " + base, format));
        }
    }

    private static void send(Context ctx, int status, Open311.Body body) {
        ctx.status(status).contentType(body.contentType()).result(body.text());
    }

    /// A request the gateway may take: its channel's key checked, the store able to write, the body JSON.
    private record Taking(IntakeService service, JsonNode body) {
    }

    /// What every channel endpoint checks first, in this order: the key, the key's channel, its
    /// rate, the store, the body's JSON. Answers and returns empty when the request cannot go on.
    private record Taker(Supplier<Health> health, Intakes intakes, RateLimiter limiter) {
        Optional<Taking> taking(Context ctx, Channel expected) {
            String key = ctx.header("X-Api-Key");
            String digest = ApiKeys.plausible(key) ? ApiKeys.digest(key) : null;
            Optional<Channel> channel = digest == null ? Optional.empty() : intakes.channelOfDigest().apply(digest);
            if (channel.isEmpty()) {
                ctx.status(HttpStatus.UNAUTHORIZED).json(error("unauthorized", "缺少或无效的接入密钥（X-Api-Key）/ missing or unknown X-Api-Key"));
                return Optional.empty();
            }
            if (channel.get() != expected) {
                ctx.status(HttpStatus.FORBIDDEN).json(error("forbidden", "该密钥不属于" + expected.zhName() + " / this key is not "
                        + expected.name() + "'s"));
                return Optional.empty();
            }
            if (!limiter.tryAcquire(digest)) {
                ctx.status(HttpStatus.TOO_MANY_REQUESTS).header("Retry-After", Long.toString(limiter.secondsToWait(digest)))
                        .json(error("rate_limited", "请求过于频繁，请稍后重发 / too many requests, send again shortly"));
                return Optional.empty();
            }
            Optional<IntakeService> service = intakes.service().get();
            if (!health.get().writable() || service.isEmpty()) {
                ctx.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "5")
                        .json(error("unavailable", "暂时无法受理，请稍后重发 / cannot take requests now, send again shortly"));
                return Optional.empty();
            }
            try {
                return Optional.of(new Taking(service.get(), JSON.readTree(ctx.bodyAsBytes())));
            } catch (java.io.IOException e) {
                ctx.status(HttpStatus.BAD_REQUEST).json(invalid(List.of(new FieldError("body", "请求体不是有效的 JSON", "the body is not valid JSON"))));
                return Optional.empty();
            }
        }
    }

    /// 201 for a new ticket, 200 for one the same channel number made before.
    private static void answer(Context ctx, IntakeService.Accepted accepted) {
        ctx.status(accepted.alreadyThere() ? HttpStatus.OK : HttpStatus.CREATED).json(Map.of(
                "ticket", accepted.ticket().code(),
                "grid", accepted.ticket().intake().gridCode() == null ? "" : accepted.ticket().intake().gridCode(),
                "located", accepted.located(),
                "alreadyReceived", accepted.alreadyThere()));
    }

    private static Map<String, Object> invalid(List<FieldError> errors) {
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
        app.stop();
    }
}

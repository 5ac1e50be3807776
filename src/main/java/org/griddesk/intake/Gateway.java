package org.griddesk.intake;

import io.javalin.Javalin;
import io.javalin.http.HttpStatus;
import io.javalin.json.JavalinJackson;
import java.util.Map;
import java.util.function.Supplier;
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

    /// Starts on `bind`:`port` (port 0: any free one).
    public static Gateway start(String bind, int port, Supplier<Health> health) {
        Javalin app = Javalin.create(config -> {
            config.jsonMapper(new JavalinJackson());
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
            config.routes.error(404, ctx -> ctx.json(error("not_found",
                    "没有这个地址 / no such address: " + ctx.method() + " " + ctx.path())));
            config.routes.exception(Exception.class, (e, ctx) -> {
                log.error("gateway request {} {} failed", ctx.method(), ctx.path(), e);
                ctx.status(HttpStatus.INTERNAL_SERVER_ERROR).json(error("internal", "网关内部错误 / internal gateway error"));
            });
        }).start();
        log.info("intake gateway listening on {}:{}", bind, app.port());
        return new Gateway(app);
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

package org.griddesk.intake;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.io.EofException;
import org.griddesk.store.StoreUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// A request's body as the gateway takes it: typed `application/json` (UTF-8), read whole, and what
/// happens when it cannot be read because the client hung up, broke its framing (a body shorter
/// than its `Content-Length`, a broken chunk) or sent too slowly. That is the client's doing, not
/// the store's: logged once at INFO as what it is, never as the store being away.
final class RequestBody {
    private static final Logger log = LoggerFactory.getLogger(RequestBody.class);
    private static final int TOO_SLOW = HttpStatus.REQUEST_TIMEOUT.getCode();

    private RequestBody() {
    }

    /// Whether the request carries a body at all (a length above 0, or chunks).
    static boolean sent(Context ctx) {
        return ctx.req().getContentLengthLong() > 0 || ctx.header("Transfer-Encoding") != null;
    }

    /// `application/json`, with no parameter but a `charset` of UTF-8 (RFC 8259: JSON between
    /// systems is UTF-8; the parameter means nothing else for this type).
    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String[] parts = contentType.split(";", -1);
        if (!parts[0].strip().equalsIgnoreCase("application/json")) {
            return false;
        }
        for (int i = 1; i < parts.length; i++) {
            if (parts[i].isBlank()) {
                continue;
            }
            String[] parameter = parts[i].split("=", 2);
            if (parameter.length != 2 || !parameter[0].strip().equalsIgnoreCase("charset")
                    || !parameter[1].strip().replaceAll("^\"(.*)\"$", "$1").equalsIgnoreCase("utf-8")) {
                return false;
            }
        }
        return true;
    }

    /// The body's bytes, or empty when it could not be read (answered).
    static Optional<byte[]> bytes(Context ctx) {
        try {
            return Optional.of(ctx.bodyAsBytes());
        } catch (Exception e) { // Javalin passes Jetty's IOException through undeclared
            if (!brokenOff(e)) {
                throw e;
            }
            answerBrokenOff(ctx, e);
            return Optional.empty();
        }
    }

    /// Whether `failure` is the client's, met while its body was read: the connection closed
    /// (Jetty's [EofException]), the framing broken (Jetty's [HttpException]) or the body too slow
    /// (a [TimeoutException]), with no store involved.
    static boolean brokenOff(Throwable failure) {
        return !StoreUnavailableException.cameThroughTheStore(failure) && (cause(failure, EofException.class).isPresent()
                || cause(failure, HttpException.class).isPresent() || cause(failure, TimeoutException.class).isPresent());
    }

    /// Logs a [#brokenOff] `failure` once, at INFO, as what it is, and answers it in case the client
    /// still listens: 408 `too_slow` for a body slower than the gateway's least rate (or one that
    /// stopped), 400 `incomplete_body` for a connection closed before the body's end, else Jetty's
    /// 4xx for the broken framing.
    static void answerBrokenOff(Context ctx, Throwable failure) {
        Optional<HttpException> http = cause(failure, HttpException.class);
        int status;
        GatewayErrors.Problem problem;
        String logged;
        if (cause(failure, TimeoutException.class).isPresent() || http.filter(h -> h.getCode() == TOO_SLOW).isPresent()) {
            status = TOO_SLOW;
            problem = GatewayErrors.problem(TOO_SLOW);
            logged = "the body came too slowly";
        } else if (cause(failure, EofException.class).isPresent()) {
            status = HttpStatus.BAD_REQUEST.getCode();
            problem = new GatewayErrors.Problem("incomplete_body", "请求体未发完连接即已断开，未受理",
                    "the connection closed before the body's end; nothing was taken");
            logged = "client closed the connection before its body's end";
        } else {
            status = http.map(HttpException::getCode).filter(code -> code >= 400 && code < 500).orElse(HttpStatus.BAD_REQUEST.getCode());
            problem = new GatewayErrors.Problem("bad_request", "请求体的分块或长度有误，未受理",
                    "the body's framing (chunks or length) is broken; nothing was taken");
            logged = "the body's framing is broken";
        }
        log.info("gateway request {} {} from {}: {} ({})", ctx.method(), ctx.path(), ctx.ip(), logged, failure.toString());
        GatewayErrors.answer(ctx, status, problem);
    }

    private static <T> Optional<T> cause(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return Optional.of(type.cast(t));
            }
        }
        return Optional.empty();
    }
}

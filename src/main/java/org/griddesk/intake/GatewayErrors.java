package org.griddesk.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.griddesk.store.PersonalDataVault;
import org.griddesk.store.StoreUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// Every error the gateway answers in its documented shape, `{"error": code, "message": "中文 /
/// English"}`, including those Jetty answers itself before any handler runs (a broken request
/// line, a bad `Content-Length`, headers or URI too long, an HTTP version it does not speak) and
/// Javalin's own refusals (a chunked body over the limit). Under `/open311/` the answer takes the
/// specification's shape, a list of `{code, description}`, whenever the path is known (a request
/// line too broken to read has none: the gateway's shape then).
///
/// As a Jetty error handler it is set on the server; [#failed] and [#refused] are Javalin's
/// exception handlers, [#noSuchAddress] its 404 handler.
final class GatewayErrors implements Request.Handler {
    private static final Logger log = LoggerFactory.getLogger(GatewayErrors.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String JSON_TYPE = "application/json; charset=utf-8";

    /// What went wrong, for programs (`code`) and for people, in Chinese and English.
    record Problem(String code, String zh, String en) {
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = response.getStatus();
        String reason = (String) request.getAttribute(ErrorHandler.ERROR_MESSAGE);
        if (request.getAttribute(ErrorHandler.ERROR_EXCEPTION) instanceof HttpException http) {
            status = http.getCode();
            reason = http.getReason();
            response.setStatus(status);
        }
        if (status < 200 || status == 204 || status == 304 || "HEAD".equals(request.getMethod())) {
            callback.succeeded(); // no body
            return true;
        }
        Open311.Body body = body(request.getHttpURI().getPath(), status, problem(status, reason));
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, body.contentType());
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.write(true, ByteBuffer.wrap(body.text().getBytes(StandardCharsets.UTF_8)), callback);
        return true;
    }

    /// Javalin's own refusals ([HttpResponseException], e.g. 413 for a chunked body read past the
    /// limit), in the same shape.
    static void refused(HttpResponseException e, Context ctx) {
        answer(ctx, e.getStatus(), problem(e.getStatus()));
    }

    /// 404 for an address no endpoint serves. An endpoint's own 404 (no such ticket, no such action,
    /// Open311's) has its answer already and keeps it.
    static void noSuchAddress(Context ctx) {
        if (ctx.resultInputStream() == null) {
            answer(ctx, HttpStatus.NOT_FOUND.getCode(), new Problem("not_found", "没有这个地址",
                    "no such address: " + ctx.method() + " " + ctx.path()));
        }
    }

    /// Whatever a handler did not answer: the client's broken-off body (INFO, 400 or 408), the store
    /// gone under the request (WARN, 503: the channel sends again), no data key to seal a caller's
    /// details with (ERROR, 503 saying so), else a fault of ours (ERROR, 500).
    static void failed(Exception e, Context ctx) {
        if (RequestBody.brokenOff(e)) {
            RequestBody.answerBrokenOff(ctx, e);
        } else if (StoreUnavailableException.isConnectionLoss(e)) {
            // nothing was acknowledged: the channel sends again
            log.warn("gateway request {} {}: the store is away, answered 503 ({})", ctx.method(), ctx.path(), e.toString());
            Taker.unavailable(ctx);
        } else if (noDataKey(e)) {
            // nothing was stored: the channel sends again once an administrator gave the gateway its key
            log.error("gateway request {} {}: no data key to seal the caller's details with, answered 503", ctx.method(), ctx.path());
            answer(ctx, HttpStatus.SERVICE_UNAVAILABLE.getCode(), new Problem("no_data_key",
                    "网关没有个人信息密钥，无法保存来电人信息，未受理：请管理员配置密钥（griddesk keys）后重发",
                    "the gateway has no data key to keep the caller's details with; nothing was taken: an administrator sets up the key (griddesk keys), then send again"));
        } else {
            log.error("gateway request {} {} failed", ctx.method(), ctx.path(), e);
            answer(ctx, HttpStatus.INTERNAL_SERVER_ERROR.getCode(), problem(HttpStatus.INTERNAL_SERVER_ERROR.getCode()));
        }
    }

    private static boolean noDataKey(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PersonalDataVault.NoDataKeyException) {
                return true;
            }
        }
        return false;
    }

    /// 400 naming what is wrong with the request's fields or body: the gateway's `invalid` shape,
    /// or the Open311 list under `/open311/`.
    static void invalid(Context ctx, List<FieldError> errors) {
        if (isOpen311(ctx.path())) {
            Open311Endpoints.send(ctx, HttpStatus.BAD_REQUEST.getCode(), Open311.errors(errors, open311Format(ctx.path())));
        } else {
            ctx.status(HttpStatus.BAD_REQUEST).json(Gateway.invalid(errors));
        }
    }

    private static boolean isOpen311(String path) {
        return path != null && path.startsWith("/open311/");
    }

    private static String open311Format(String path) {
        return path.endsWith(".xml") ? "xml" : "json";
    }

    /// What `status` means, with Jetty's (English) `reason` for it added to the English message
    /// when it says more than the status does (`Multiple Content-Lengths`).
    static Problem problem(int status, String reason) {
        Problem problem = problem(status);
        boolean saysMore = reason != null && !reason.isBlank() && !reason.equalsIgnoreCase(HttpStatus.forStatus(status).getMessage());
        return saysMore ? new Problem(problem.code(), problem.zh(), problem.en() + " (" + reason + ")") : problem;
    }

    /// `problem` in the shape `path` answers in: the Open311 list under `/open311/`, the gateway's elsewhere.
    static Open311.Body body(String path, int status, Problem problem) {
        if (isOpen311(path)) {
            return Open311.error(status, problem.en() + " / " + problem.zh(), open311Format(path));
        }
        Map<String, String> error = new LinkedHashMap<>();
        error.put("error", problem.code());
        error.put("message", problem.zh() + " / " + problem.en());
        try {
            return new Open311.Body(JSON_TYPE, JSON.writeValueAsString(error));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an error body of two strings is always JSON", e);
        }
    }

    /// Answers `problem` with `status`, in the shape of the request's path.
    static void answer(Context ctx, int status, Problem problem) {
        Open311.Body body = body(ctx.path(), status, problem);
        ctx.status(status).contentType(body.contentType()).result(body.text());
    }

    /// What `status` means, when nothing says more.
    static Problem problem(int status) {
        return switch (status) {
            case 400 -> new Problem("bad_request", "HTTP 请求格式有误", "malformed HTTP request");
            case 404 -> new Problem("not_found", "没有这个地址", "no such address");
            case 405 -> new Problem("method_not_allowed", "此地址不接受该方法", "this address does not take that method");
            case 408 -> new Problem("too_slow", "请求体发送过慢，未受理", "the body came too slowly and was not taken");
            case 413 -> new Problem("too_large", "请求体超过 " + Gateway.MAX_BODY / (1024 * 1024) + " MB",
                    "the body is over " + Gateway.MAX_BODY / (1024 * 1024) + " MB");
            case 414 -> new Problem("uri_too_long", "请求地址过长", "the URI is too long");
            case 415 -> new Problem("unsupported_media_type", "不支持的请求体类型", "unsupported body type");
            case 426, 505 -> new Problem("http_version", "不支持的 HTTP 版本，请用 HTTP/1.1", "unsupported HTTP version: use HTTP/1.1");
            case 431 -> new Problem("headers_too_large", "请求头过大", "the request headers are too large");
            case 500 -> new Problem("internal", "网关内部错误", "internal gateway error");
            case 503 -> new Problem("unavailable", "暂时无法受理，请稍后重发", "cannot take requests now, send again shortly");
            default -> new Problem("http_" + status, "HTTP 错误 " + status, "HTTP error " + status);
        };
    }
}

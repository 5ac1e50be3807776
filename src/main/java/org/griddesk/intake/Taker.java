package org.griddesk.intake;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.griddesk.domain.ticket.Channel;
import org.griddesk.security.ApiKeys;
import org.griddesk.security.WorkerTokens;

/// What every channel endpoint checks first, in this order: the store (known to be away: 503 at
/// once, before anything asks it), the key, the key's channel, its rate, the store again, the
/// body's type, the body itself (strict JSON). Answers (401, 403, 429, 503, 415, 400) and returns
/// empty when the request cannot go on; nothing is written and no body is read before the key passes.
record Taker(Supplier<Gateway.Health> health, Gateway.Intakes intakes, RateLimiter limiter) {
    /// A request the gateway may take: the channel its key belongs to, the service, the body.
    record Taking(Channel channel, IntakeService service, JsonNode body) {
    }

    Optional<Taking> taking(Context ctx, Channel expected) {
        return taking(ctx, Set.of(expected));
    }

    Optional<Taking> taking(Context ctx, Set<Channel> accepted) {
        if (!health.get().writable()) {
            unavailable(ctx); // at once: the key and everything after need the store
            return Optional.empty();
        }
        Optional<String> digest = digest(ctx);
        Optional<Channel> channel = digest.flatMap(intakes.channelOfDigest());
        if (channel.isEmpty()) {
            unauthorized(ctx);
            return Optional.empty();
        }
        if (!accepted.contains(channel.get())) {
            Channel expected = accepted.iterator().next();
            ctx.status(HttpStatus.FORBIDDEN).json(Gateway.error("forbidden", "该密钥不能用于此接口（应为" + expected.zhName()
                    + "等渠道）/ this key is not for this endpoint (" + accepted + ")"));
            return Optional.empty();
        }
        return admitted(ctx, digest.get(), intakes.service())
                .flatMap(service -> jsonBody(ctx).map(body -> new Taking(channel.get(), service, body)));
    }

    /// A grid worker's request: the worker their token names, the service, the body.
    record WorkerTaking(IntakeService.SignedWorker worker, IntakeService service, JsonNode body) {
    }

    /// Whether the request carries a bearer token (a grid worker's) instead of a channel's key.
    static boolean bearer(Context ctx) {
        String authorization = ctx.header("Authorization");
        return authorization != null && authorization.regionMatches(true, 0, "Bearer", 0, 6);
    }

    /// As [#taking], for a grid worker's personal token: 401 when it is unknown, expired or revoked
    /// (or its account can no longer report), before anything is read or written.
    Optional<WorkerTaking> takingWorker(Context ctx) {
        return signedWorker(ctx, intakes.service())
                .flatMap(signed -> jsonBody(ctx).map(body -> new WorkerTaking(signed.worker(), signed.service(), body)));
    }

    /// A grid worker known by their token, and the service that serves them.
    record Signed<T>(IntakeService.SignedWorker worker, T service) {
    }

    /// As [#takingWorker], for any service of the workers' app, before any body is read.
    <T> Optional<Signed<T>> signedWorker(Context ctx, Supplier<Optional<T>> services) {
        if (!health.get().writable()) {
            unavailable(ctx);
            return Optional.empty();
        }
        String token = ctx.header("Authorization").substring(6).strip();
        Optional<IntakeService.SignedWorker> worker = WorkerTokens.plausible(token)
                ? intakes.workerOfToken().apply(token, ctx.ip()) : Optional.empty();
        if (worker.isEmpty()) {
            ctx.status(HttpStatus.UNAUTHORIZED).json(Gateway.error("invalid_token",
                    "网格员令牌无效、已过期或已被吊销，请在网格通中重新登录 / the grid worker token is invalid, expired or revoked: sign in again in the app"));
            return Optional.empty();
        }
        return admitted(ctx, WorkerTokens.digest(token), services).map(service -> new Signed<>(worker.get(), service));
    }

    /// The digest of the request's `X-Api-Key`, when it looks like one of ours.
    static Optional<String> digest(Context ctx) {
        String key = ctx.header("X-Api-Key");
        return ApiKeys.plausible(key) ? Optional.of(ApiKeys.digest(key)) : Optional.empty();
    }

    static void unauthorized(Context ctx) {
        ctx.status(HttpStatus.UNAUTHORIZED).json(Gateway.error("unauthorized", "缺少或无效的接入密钥（X-Api-Key）/ missing or unknown X-Api-Key"));
    }

    /// The rate and the store, for a key already known: the service, or empty when answered.
    <T> Optional<T> admitted(Context ctx, String digest, Supplier<Optional<T>> services) {
        if (!limiter.tryAcquire(digest)) {
            ctx.status(HttpStatus.TOO_MANY_REQUESTS).header("Retry-After", Long.toString(limiter.secondsToWait(digest)))
                    .json(Gateway.error("rate_limited", "请求过于频繁，请稍后重发 / too many requests, send again shortly"));
            return Optional.empty();
        }
        Optional<T> service = services.get();
        if (!health.get().writable() || service.isEmpty()) {
            unavailable(ctx);
            return Optional.empty();
        }
        return service;
    }

    /// 503 with Retry-After: the channel sends the same request again shortly; nothing was taken.
    static void unavailable(Context ctx) {
        ctx.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "5")
                .json(Gateway.error("unavailable", "暂时无法受理，请稍后重发 / cannot take requests now, send again shortly"));
    }

    /// The body, when it is typed JSON ([RequestBody#isJson]) and reads as [StrictJson]; empty when
    /// answered with 415 or 400. A body may leave its type out only when there is no body at all.
    static Optional<JsonNode> jsonBody(Context ctx) {
        if (RequestBody.sent(ctx) && !RequestBody.isJson(ctx.contentType())) {
            ctx.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).json(Gateway.error("unsupported_media_type",
                    "请求体应为 JSON：Content-Type: application/json（字符集只能是 UTF-8）"
                            + " / the body must be sent as Content-Type: application/json (UTF-8 only)"));
            return Optional.empty();
        }
        return body(ctx);
    }

    /// The body as [StrictJson], or empty when answered with 400.
    static Optional<JsonNode> body(Context ctx) {
        return RequestBody.bytes(ctx).flatMap(bytes -> {
            try {
                return Optional.of(StrictJson.read(bytes));
            } catch (StrictJson.Refused refused) {
                GatewayErrors.invalid(ctx, refused.errors());
                return Optional.empty();
            }
        });
    }
}

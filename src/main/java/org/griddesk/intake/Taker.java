package org.griddesk.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.griddesk.domain.ticket.Channel;
import org.griddesk.security.ApiKeys;

/// What every channel endpoint checks first, in this order: the store (known to be away: 503 at
/// once, before anything asks it), the key, the key's channel, its rate, the store again, the body's JSON. Answers (401, 403, 429, 503, 400) and returns empty when the request
/// cannot go on; nothing is written before all of these pass.
record Taker(Supplier<Gateway.Health> health, Gateway.Intakes intakes, RateLimiter limiter) {
    private static final ObjectMapper JSON = new ObjectMapper();

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
                .flatMap(service -> body(ctx).map(body -> new Taking(channel.get(), service, body)));
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

    /// The body as JSON, or empty when answered with 400.
    static Optional<JsonNode> body(Context ctx) {
        try {
            byte[] bytes = ctx.bodyAsBytes();
            return Optional.of(bytes.length == 0 ? JSON.missingNode() : JSON.readTree(bytes));
        } catch (IOException e) {
            ctx.status(HttpStatus.BAD_REQUEST).json(Gateway.invalid(List.of(new FieldError("body", "请求体不是有效的 JSON", "the body is not valid JSON"))));
            return Optional.empty();
        }
    }
}

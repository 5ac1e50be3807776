package org.griddesk.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.griddesk.security.ApiKeys;

/// The `Idempotency-Key` header, as Open311 and the team API take it: 1 to 255 visible ASCII
/// characters (a UUID, say); a resend of the key within [#WINDOW] is a repeat of the first send.
final class IdempotencyKey {
    static final String HEADER = "Idempotency-Key";
    static final Duration WINDOW = Duration.ofHours(24);
    private static final Pattern SHAPE = Pattern.compile("[\\x21-\\x7E]{1,255}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private IdempotencyKey() {
    }

    /// The error of a key that is not of the shape taken, when `key` is sent and is not.
    static Optional<FieldError> error(String key) {
        return key == null || SHAPE.matcher(key).matches() ? Optional.empty()
                : Optional.of(new FieldError(HEADER, HEADER + " 应为 1 到 255 个可见 ASCII 字符", HEADER + " has 1 to 255 visible ASCII characters"));
    }

    /// Whether the request's key, if any, is of the shape taken; answers 400 when not.
    static boolean valid(Context ctx) {
        Optional<FieldError> error = error(ctx.header(HEADER));
        error.ifPresent(e -> ctx.status(HttpStatus.BAD_REQUEST).json(Gateway.invalid(List.of(e))));
        return error.isEmpty();
    }

    /// What a team action's repeat must match: the ticket, the action and the body as read (strict
    /// JSON, so one body reads one way; its spacing does not count), joined by NUL.
    static String contentDigest(String code, String action, JsonNode body) {
        return ApiKeys.digest(code + "\0" + action + "\0" + (body.isMissingNode() ? "" : body.toString()));
    }

    /// An answer as the JSON text kept for the key's repeats.
    static String json(Object answer) {
        try {
            return JSON.writeValueAsString(answer);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an answer of maps, lists and text always writes", e);
        }
    }
}

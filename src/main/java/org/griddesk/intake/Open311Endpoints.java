package org.griddesk.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.griddesk.domain.taxonomy.Taxonomy;
import org.griddesk.domain.ticket.Channel;
import org.griddesk.security.ApiKeys;
import org.griddesk.store.ticket.IntakeRepository.RequestRow;

/// Open311 GeoReport v2 (docs/api.md): `services`, `services/{code}`, `requests` (GET a query, POST a
/// new one, form-encoded or JSON), `requests/{id}` and `tokens/{token}`, each `.json` or `.xml`.
/// Errors come as the specification's list of {code, description}.
///
/// A request posted through Open311 enters on the channel its key belongs to, with a random token
/// as its channel number; its `service_request_id` is the ticket code, given at once. Unlike the
/// specification's open reads, reading requests needs a key, and a key reads only what its own
/// channel sent: another channel's request is answered as one that does not exist. Reads show no
/// personal data ([Open311#requests]).
///
/// A POST's key is checked before its body is read when it comes as `X-Api-Key` or as the query's
/// `api_key`; a key inside the body (the specification's way) makes the gateway read at most
/// [#MAX_BODY] of a body of declared length first.
final class Open311Endpoints {
    /// the largest Open311 POST body (its fields together are a few kilobytes)
    static final long MAX_BODY = 64 * 1024;

    private final Taker taker;

    Open311Endpoints(Taker taker) {
        this.taker = taker;
    }

    /// A resource name split into its base and format (`requests.xml` → `requests`, `xml`).
    private record Resource(String base, String format) {
        static Resource of(String name) {
            int dot = name.lastIndexOf('.');
            return dot < 0 ? new Resource(name, "json") : new Resource(name.substring(0, dot), name.substring(dot + 1));
        }

        boolean known() {
            return format.equals("json") || format.equals("xml");
        }
    }

    /// Who reads or writes: the channel of the key, the key's digest, and the intake service.
    private record Caller(Channel channel, String digest, IntakeService service) {
    }

    /// `GET /open311/v2/{resource}`: `services` or `requests`.
    void list(Context ctx) {
        Resource r = Resource.of(ctx.pathParam("resource"));
        if (!r.known()) {
            send(ctx, 404, Open311.error(404, "format must be json or xml", "json"));
        } else if (r.base().equals("services")) {
            if (inJurisdiction(ctx, ctx.queryParam("jurisdiction_id"), r.format())) {
                taxonomy(ctx, r.format()).ifPresent(t -> send(ctx, 200, Open311.services(t, r.format())));
            }
        } else if (r.base().equals("requests")) {
            reader(ctx, r.format()).ifPresent(c -> query(ctx, c, r.format()));
        } else {
            send(ctx, 404, Open311.error(404, "no such resource: " + r.base(), r.format()));
        }
    }

    /// `GET /open311/v2/{collection}/{file}`: a service definition, a request, or a token.
    void one(Context ctx) {
        Resource r = Resource.of(ctx.pathParam("file"));
        String collection = ctx.pathParam("collection");
        if (!r.known()) {
            send(ctx, 404, Open311.error(404, "format must be json or xml", "json"));
            return;
        }
        switch (collection) {
            case "services" -> {
                if (inJurisdiction(ctx, ctx.queryParam("jurisdiction_id"), r.format())) {
                    taxonomy(ctx, r.format()).ifPresent(t -> {
                        Optional<Open311.Body> definition = Open311.definition(t, r.base(), r.format());
                        send(ctx, definition.isPresent() ? 200 : 404,
                                definition.orElseGet(() -> Open311.error(404, "no service with code " + r.base(), r.format())));
                    });
                }
            }
            case "requests" -> reader(ctx, r.format()).ifPresent(c -> {
                List<RequestRow> rows = c.service().requests().requests(c.channel(), List.of(r.base()));
                send(ctx, rows.isEmpty() ? 404 : 200, rows.isEmpty()
                        ? Open311.error(404, "no service request " + r.base(), r.format()) : Open311.requests(rows, c.service(), r.format()));
            });
            case "tokens" -> reader(ctx, r.format()).ifPresent(c -> {
                Optional<String> code = c.service().requests().codeOfExternal(c.channel(), r.base());
                send(ctx, code.isPresent() ? 200 : 404, code.map(found -> Open311.token(found, r.base(), r.format()))
                        .orElseGet(() -> Open311.error(404, "no token " + r.base(), r.format())));
            });
            default -> send(ctx, 404, Open311.error(404, "no such resource: " + collection, r.format()));
        }
    }

    /// `POST /open311/v2/requests.{format}`: a new service request, or a repeat of one sent before
    /// (the first one's id again, with `Idempotent-Replayed: true`).
    void create(Context ctx) {
        Resource r = Resource.of(ctx.pathParam("resource"));
        if (!r.known() || !r.base().equals("requests")) {
            send(ctx, 404, Open311.error(404, "POST goes to requests.json or requests.xml", r.known() ? r.format() : "json"));
            return;
        }
        String format = r.format();
        long length = ctx.req().getContentLengthLong();
        if (length > MAX_BODY) {
            send(ctx, 413, Open311.error(413, "the body is over 64 KB", format));
            return;
        }
        Optional<String> outside = keyOutsideTheBody(ctx);
        Optional<Caller> caller = Optional.empty();
        if (outside.isPresent()) {
            caller = caller(ctx, outside.get(), format); // before a byte of the body is read
            if (caller.isEmpty()) {
                return;
            }
        } else if (length < 0) {
            send(ctx, 411, Open311.error(411, "send the key as X-Api-Key, or a body with its Content-Length", format));
            return;
        }
        Optional<JsonNode> params = params(ctx, format);
        if (params.isEmpty()) {
            return;
        }
        if (caller.isEmpty()) {
            JsonNode key = params.get().path("api_key");
            caller = caller(ctx, key.isTextual() ? key.asText() : null, format);
            if (caller.isEmpty()) {
                return;
            }
        }
        if (inJurisdiction(ctx, jurisdiction(ctx, params.get()), format)) {
            take(ctx, caller.get(), params.get(), format);
        }
    }

    private void take(Context ctx, Caller caller, JsonNode params, String format) {
        Open311Request.Parsed parsed = Open311Request.parse(params, caller.channel(), caller.digest(),
                ctx.header("Idempotency-Key"), caller.service(), Instant.now());
        if (!parsed.valid()) {
            send(ctx, 400, Open311.errors(parsed.errors(), format));
            return;
        }
        try {
            IntakeService.Accepted accepted = caller.service().accept(parsed.request());
            if (accepted.alreadyThere()) {
                ctx.header("Idempotent-Replayed", "true");
            }
            send(ctx, 200, Open311.created(accepted, caller.service(), format));
        } catch (ReusedIdempotencyKey reused) {
            send(ctx, 422, Open311.error(422, "this Idempotency-Key was sent before with other content: use a new key for a"
                    + " new request / 该 Idempotency-Key 已用于内容不同的请求，新请求请用新键", format));
        }
    }

    /// The query of `GET requests`, scoped to the caller's channel: by ids, else by services, dates and status.
    private void query(Context ctx, Caller caller, String format) {
        IntakeService service = caller.service();
        Open311Query.Parsed parsed = Open311Query.parse(ctx::queryParam, service::knowsItem, Instant.now());
        if (parsed.query() == null) {
            send(ctx, 400, Open311.errors(parsed.errors(), format));
            return;
        }
        Open311Query q = parsed.query();
        List<RequestRow> rows = q.ids().isEmpty()
                ? service.requests().requests(caller.channel(), q.serviceCodes(), q.start(), q.end(), q.open(), Open311Query.MAX_RESULTS)
                : service.requests().requests(caller.channel(), q.ids());
        send(ctx, 200, Open311.requests(rows, service, format));
    }

    /// A POST's parameters: the form fields (as the specification sends them) or a JSON object.
    private static Optional<JsonNode> params(Context ctx, String format) {
        String type = Optional.ofNullable(ctx.contentType()).orElse("");
        if (type.startsWith("application/json")) {
            Optional<JsonNode> body = Taker.body(ctx);
            if (body.isPresent() && !body.get().isObject()) {
                send(ctx, 400, Open311.error(400, "the body must be a JSON object", format));
                return Optional.empty();
            }
            return body;
        }
        ObjectNode form = JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, List<String>> field : ctx.formParamMap().entrySet()) {
            if (!field.getValue().isEmpty()) {
                form.put(field.getKey(), field.getValue().getFirst());
            }
        }
        return Optional.of(form);
    }

    /// The key as `X-Api-Key` or as the query's `api_key`, when given there (the header wins).
    private static Optional<String> keyOutsideTheBody(Context ctx) {
        return Optional.ofNullable(ctx.header("X-Api-Key")).or(() -> Optional.ofNullable(ctx.queryParam("api_key")));
    }

    /// A reader: the key must be given as `X-Api-Key` or the query's `api_key`.
    private Optional<Caller> reader(Context ctx, String format) {
        Optional<Caller> caller = caller(ctx, keyOutsideTheBody(ctx).orElse(null), format);
        return caller.isPresent() && inJurisdiction(ctx, ctx.queryParam("jurisdiction_id"), format) ? caller : Optional.empty();
    }

    /// The caller of a known channel key, past the rate limit and with the store there; else answered
    /// (403 for a missing or unknown key, 429, 503) and empty.
    private Optional<Caller> caller(Context ctx, String key, String format) {
        Optional<String> digest = ApiKeys.plausible(key) ? Optional.of(ApiKeys.digest(key)) : Optional.empty();
        Optional<Channel> channel = digest.flatMap(taker.intakes().channelOfDigest());
        if (channel.isEmpty()) {
            send(ctx, 403, Open311.error(403, "api_key is missing or unknown", format));
            return Optional.empty();
        }
        return taker.admitted(ctx, digest.get(), taker.intakes().service())
                .map(service -> new Caller(channel.get(), digest.get(), service));
    }

    /// A POST's `jurisdiction_id`: in the query, else among its parameters.
    private static String jurisdiction(Context ctx, JsonNode params) {
        String inQuery = ctx.queryParam("jurisdiction_id");
        JsonNode inBody = params.path("jurisdiction_id");
        return inQuery != null ? inQuery : inBody.isValueNode() && !inBody.isNull() ? inBody.asText() : null;
    }

    /// Whether `given` (absent: any) names this district; else answered 400 and false. The district
    /// is named by its code as the store records it (docs/api.md); a store that records none has no
    /// jurisdiction a client can name.
    private boolean inJurisdiction(Context ctx, String given, String format) {
        if (given == null || given.isEmpty()) {
            return true;
        }
        Optional<String> ours = taker.intakes().service().get().flatMap(IntakeService::jurisdictionId);
        if (ours.isPresent() && ours.get().equals(given)) {
            return true;
        }
        send(ctx, 400, Open311.error(400, ours.map(id -> "jurisdiction_id " + given + " is not served here; this district is " + id)
                .orElse("this gateway names no jurisdiction: leave jurisdiction_id out"), format));
        return false;
    }

    private Optional<Taxonomy> taxonomy(Context ctx, String format) {
        Optional<Taxonomy> taxonomy = taker.intakes().taxonomy().get();
        if (taxonomy.isEmpty()) {
            send(ctx, 503, Open311.error(503, "the service list is not available now", format));
        }
        return taxonomy;
    }

    static void send(Context ctx, int status, Open311.Body body) {
        ctx.status(status).contentType(body.contentType()).result(body.text());
    }
}

package org.griddesk.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.griddesk.domain.taxonomy.Item;
import org.griddesk.domain.taxonomy.Taxonomy;
import org.griddesk.domain.ticket.Channel;
import org.griddesk.security.ApiKeys;
import org.griddesk.store.ticket.IntakeRepository.RequestRow;

/// Open311 GeoReport v2 (docs/api.md): `services`, `services/{code}`, `requests` (GET a query, POST a
/// new one, form-encoded or JSON), `requests/{id}` and `tokens/{token}`, each `.json` or `.xml`.
/// Errors come as the specification's list of {code, description}.
///
/// A request posted through Open311 enters on the channel its key belongs to, with a token as its
/// channel number; its `service_request_id` is the ticket code, given at once. Unlike the
/// specification's open reads, reading requests also needs a key: their descriptions are citizens' words.
final class Open311Endpoints {
    /// the specification's default and largest window for a query without ids
    static final Duration QUERY_WINDOW = Duration.ofDays(90);
    static final int MAX_RESULTS = 1000;

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

    /// `GET /open311/v2/{resource}`: `services` or `requests`.
    void list(Context ctx) {
        Resource r = Resource.of(ctx.pathParam("resource"));
        if (!r.known()) {
            send(ctx, 404, Open311.error(404, "format must be json or xml", "json"));
        } else if (r.base().equals("services")) {
            taxonomy(ctx, r.format()).ifPresent(t -> send(ctx, 200, Open311.services(t, r.format())));
        } else if (r.base().equals("requests")) {
            service(ctx, r.format()).ifPresent(s -> query(ctx, s, r.format()));
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
            case "services" -> taxonomy(ctx, r.format()).ifPresent(t -> {
                Optional<Open311.Body> definition = Open311.definition(t, r.base(), r.format());
                send(ctx, definition.isPresent() ? 200 : 404,
                        definition.orElseGet(() -> Open311.error(404, "no service with code " + r.base(), r.format())));
            });
            case "requests" -> service(ctx, r.format()).ifPresent(s -> {
                List<RequestRow> rows = s.requests().requests(List.of(r.base()));
                send(ctx, rows.isEmpty() ? 404 : 200, rows.isEmpty()
                        ? Open311.error(404, "no service request " + r.base(), r.format()) : Open311.requests(rows, s, r.format()));
            });
            case "tokens" -> service(ctx, r.format()).ifPresent(s -> {
                Optional<String> code = s.requests().codeOfExternal(r.base());
                send(ctx, code.isPresent() ? 200 : 404, code.map(c -> Open311.token(c, r.base(), r.format()))
                        .orElseGet(() -> Open311.error(404, "no token " + r.base(), r.format())));
            });
            default -> send(ctx, 404, Open311.error(404, "no such resource: " + collection, r.format()));
        }
    }

    /// `POST /open311/v2/requests.{format}`: a new service request.
    void create(Context ctx) {
        Resource r = Resource.of(ctx.pathParam("resource"));
        if (!r.known() || !r.base().equals("requests")) {
            send(ctx, 404, Open311.error(404, "POST goes to requests.json or requests.xml", r.known() ? r.format() : "json"));
            return;
        }
        Optional<JsonNode> params = params(ctx, r.format());
        if (params.isEmpty()) {
            return;
        }
        Optional<Channel> channel = key(ctx, params.get()).flatMap(taker.intakes().channelOfDigest());
        if (channel.isEmpty()) {
            send(ctx, 403, Open311.error(403, "api_key is missing or unknown", r.format()));
            return;
        }
        Optional<IntakeService> service = taker.admitted(ctx, key(ctx, params.get()).orElseThrow(), taker.intakes().service());
        if (service.isEmpty()) {
            return;
        }
        Open311Request.Parsed parsed = Open311Request.parse(params.get(), channel.get(), service.get(), Instant.now());
        if (!parsed.valid()) {
            send(ctx, 400, Open311.errors(parsed.errors(), r.format()));
            return;
        }
        IntakeService.Accepted accepted = service.get().accept(parsed.request());
        send(ctx, 200, Open311.created(accepted, service.get(), r.format()));
    }

    /// The query of `GET requests`: by ids (which override the rest), else by service, dates and status.
    private void query(Context ctx, IntakeService service, String format) {
        String ids = ctx.queryParam("service_request_id");
        if (ids != null && !ids.isBlank()) {
            List<String> codes = Arrays.stream(ids.split(",")).map(String::strip).filter(c -> !c.isEmpty() && c.length() <= 20)
                    .limit(MAX_RESULTS).toList();
            send(ctx, 200, Open311.requests(service.requests().requests(codes), service, format));
            return;
        }
        List<FieldError> errors = new ArrayList<>();
        Instant end = time(ctx.queryParam("end_date"), "end_date", Instant.now(), errors);
        Instant start = time(ctx.queryParam("start_date"), "start_date", end.minus(QUERY_WINDOW), errors);
        String code = ctx.queryParam("service_code");
        if (code != null && service.taxonomy().item(code).isEmpty()) {
            errors.add(new FieldError("service_code", "没有这个服务：" + code, "no service with code " + code));
        }
        Boolean open = status(ctx.queryParam("status"), errors);
        if (errors.isEmpty() && (start.isAfter(end) || Duration.between(start, end).compareTo(QUERY_WINDOW) > 0)) {
            errors.add(new FieldError("start_date", "时间范围应在 90 天之内", "the date range may not span more than 90 days"));
        }
        if (!errors.isEmpty()) {
            send(ctx, 400, Open311.errors(errors, format));
            return;
        }
        send(ctx, 200, Open311.requests(service.requests().requests(code, start, end, open, MAX_RESULTS), service, format));
    }

    private static Instant time(String text, String field, Instant fallback, List<FieldError> errors) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, field + " 应为带时区的 ISO-8601 时间", field + " must be a w3 date/time with its offset"));
            return fallback;
        }
    }

    /// `open`, `closed`, both (comma-separated) or absent: true, false, null (either).
    private static Boolean status(String text, List<FieldError> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        List<String> wanted = Arrays.stream(text.split(",")).map(String::strip).distinct().toList();
        if (!List.of("open", "closed").containsAll(wanted)) {
            errors.add(new FieldError("status", "status 只能是 open 或 closed", "status is open or closed"));
            return null;
        }
        return wanted.size() == 2 ? null : wanted.getFirst().equals("open");
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

    /// The digest of the key given as `api_key` or in `X-Api-Key`.
    private static Optional<String> key(Context ctx, JsonNode params) {
        String key = params.path("api_key").isTextual() ? params.path("api_key").asText() : ctx.queryParam("api_key");
        if (key == null) {
            return Taker.digest(ctx);
        }
        return ApiKeys.plausible(key) ? Optional.of(ApiKeys.digest(key)) : Optional.empty();
    }

    /// The intake service for a read, with a channel key given as `api_key` or `X-Api-Key`.
    private Optional<IntakeService> service(Context ctx, String format) {
        Optional<String> digest = key(ctx, JsonNodeFactory.instance.objectNode());
        if (digest.flatMap(taker.intakes().channelOfDigest()).isEmpty()) {
            send(ctx, 403, Open311.error(403, "api_key is missing or unknown", format));
            return Optional.empty();
        }
        return taker.admitted(ctx, digest.get(), taker.intakes().service());
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

    static String itemName(Taxonomy taxonomy, String code) {
        return code == null ? "" : taxonomy.item(code).map(Item::name).orElse(code);
    }
}

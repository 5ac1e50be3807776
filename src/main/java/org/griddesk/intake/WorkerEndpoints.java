package org.griddesk.intake;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.griddesk.domain.ticket.Attachment;
import org.griddesk.domain.ticket.Place;
import org.griddesk.domain.ticket.Ticket;
import org.griddesk.domain.ticket.TransitionRefused;
import org.griddesk.domain.visit.FieldCheck;
import org.griddesk.domain.visit.VisitDue;
import org.griddesk.domain.visit.VisitFinding;
import org.griddesk.domain.visit.VisitRefused;
import org.griddesk.security.ApiKeys;
import org.griddesk.store.ticket.StaleTicketException;
import org.griddesk.visit.WorkerDuties;

/// The workers' app (网格通, docs/api.md "Grid workers"), each call with the worker's personal token
/// (`Authorization: Bearer gdw_…`): `GET /api/v1/worker/tasks`; `POST /api/v1/worker/visits` (a
/// household visited), `POST /api/v1/worker/verifications` (核实 a report), `POST
/// /api/v1/worker/checks` (核查 a handled ticket), each optionally with an `Idempotency-Key`. The
/// rules are [WorkerDuties]'; this reads and checks the bodies and writes the answers.
final class WorkerEndpoints {
    static final String TASKS = "/api/v1/worker/tasks";
    static final String VISITS = "/api/v1/worker/visits";
    static final String VERIFICATIONS = "/api/v1/worker/verifications";
    static final String CHECKS = "/api/v1/worker/checks";
    private static final Map<String, HttpStatus> STATUS = Map.of(
            "visits.refused.noPost", HttpStatus.FORBIDDEN,
            "visits.refused.otherGrid", HttpStatus.FORBIDDEN,
            "visits.refused.ticket", HttpStatus.NOT_FOUND,
            "visits.refused.household", HttpStatus.NOT_FOUND,
            "visits.refused.notHandled", HttpStatus.CONFLICT,
            "visits.refused.closed", HttpStatus.CONFLICT,
            "visits.refused.keyReused", HttpStatus.UNPROCESSABLE_CONTENT,
            "visits.refused.photoTooLarge", HttpStatus.CONTENT_TOO_LARGE,
            "visits.refused.frequency", HttpStatus.SERVICE_UNAVAILABLE);

    private final Taker taker;

    WorkerEndpoints(Taker taker) {
        this.taker = taker;
    }

    /// Adds the four routes.
    void routes(RoutesConfig routes) {
        routes.get(TASKS, this::tasks);
        routes.post(VISITS, this::visit);
        routes.post(VERIFICATIONS, ctx -> check(ctx, FieldCheck.Kind.VERIFY));
        routes.post(CHECKS, ctx -> check(ctx, FieldCheck.Kind.CHECK));
    }

    private record Signed(WorkerDuties duties, WorkerDuties.Worker worker) {
    }

    private Optional<Signed> signed(Context ctx) {
        if (!Taker.bearer(ctx)) {
            ctx.status(HttpStatus.UNAUTHORIZED).json(Gateway.error("invalid_token",
                    "缺少网格员令牌（Authorization: Bearer gdw_…）/ missing the grid worker token (Authorization: Bearer gdw_…)"));
            return Optional.empty();
        }
        return taker.signedWorker(ctx, taker.intakes().duties()).flatMap(s -> refusing(ctx,
                () -> new Signed(s.service(), s.service().worker(s.worker().accountId(), s.worker().name()))));
    }

    /// `GET /api/v1/worker/tasks`
    void tasks(Context ctx) {
        // a frequency stored wrong by hand makes the plans refuse: said in words (503), not a 500
        signed(ctx).flatMap(s -> refusing(ctx, () -> Map.entry(s, s.duties().tasks(s.worker())))).ifPresent(signedTasks -> {
            Signed s = signedTasks.getKey();
            WorkerDuties.Tasks tasks = signedTasks.getValue();
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("grid", s.worker().gridCode());
            body.put("visits", tasks.visits().stream().map(WorkerEndpoints::due).toList());
            body.put("verifications", tasks.verifications().stream().map(WorkerEndpoints::ticket).toList());
            body.put("checks", tasks.checks().stream().map(WorkerEndpoints::ticket).toList());
            ctx.json(body);
        });
    }

    /// `POST /api/v1/worker/visits`
    void visit(Context ctx) {
        signed(ctx).filter(s -> IdempotencyKey.valid(ctx)).ifPresent(s -> Taker.jsonBody(ctx).ifPresent(body -> {
            List<FieldError> errors = new ArrayList<>();
            if (!Fields.isObject(body, errors)) {
                ctx.status(HttpStatus.BAD_REQUEST).json(Gateway.invalid(errors));
                return;
            }
            String household = Fields.exact(body, "household", true, 40, errors);
            Instant at = Fields.instant(body, "visitedAt", Instant.now(), errors);
            Place place = Fields.place(body, errors);
            if ((place == null || place.lon() == null) && errors.stream().noneMatch(e -> e.field().startsWith("point"))) {
                // a point given but wrong has its own error already: one reason a field
                errors.add(new FieldError("point", "缺少走访地点 point", "point (where the visit took place) is required"));
            }
            Set<VisitFinding> findings = findings(body, errors);
            String note = Fields.text(body, "note", false, WorkerDuties.MAX_NOTE, errors);
            List<Attachment> photos = AttachmentField.parse(body, errors);
            if (!errors.isEmpty()) {
                ctx.status(HttpStatus.BAD_REQUEST).json(Gateway.invalid(errors));
                return;
            }
            WorkerDuties.VisitForm form = new WorkerDuties.VisitForm(household, at, place.lon(), place.lat(), findings, note, photos);
            refusing(ctx, () -> s.duties().recordVisit(s.worker(), form, send(ctx, "visit", body),
                    id -> IdempotencyKey.json(Map.of("visit", id, "household", household, "visitedAt", at.toString()))))
                    .ifPresent(answered -> answer(ctx, answered));
        }));
    }

    /// `POST /api/v1/worker/verifications` and `POST /api/v1/worker/checks`
    void check(Context ctx, FieldCheck.Kind kind) {
        signed(ctx).filter(s -> IdempotencyKey.valid(ctx)).ifPresent(s -> Taker.jsonBody(ctx).ifPresent(body -> {
            List<FieldError> errors = new ArrayList<>();
            if (!Fields.isObject(body, errors)) {
                ctx.status(HttpStatus.BAD_REQUEST).json(Gateway.invalid(errors));
                return;
            }
            String code = Fields.exact(body, "ticket", true, 20, errors);
            String outcomeField = kind == FieldCheck.Kind.VERIFY ? "real" : "passed";
            JsonNode outcome = body.path(outcomeField);
            if (!outcome.isBoolean()) {
                errors.add(new FieldError(outcomeField, outcomeField + " 为必填项，应为 true 或 false", outcomeField + " is required: true or false"));
            }
            Place place = Fields.place(body, errors);
            String note = Fields.text(body, "note", false, WorkerDuties.MAX_NOTE, errors);
            List<Attachment> photos = AttachmentField.parse(body, errors);
            if (!errors.isEmpty()) {
                ctx.status(HttpStatus.BAD_REQUEST).json(Gateway.invalid(errors));
                return;
            }
            WorkerDuties.CheckForm form = new WorkerDuties.CheckForm(kind, code, outcome.asBoolean(), place == null ? null : place.lon(),
                    place == null ? null : place.lat(), note, photos);
            refusing(ctx, () -> s.duties().check(s.worker(), form, send(ctx, kind.name(), body),
                    after -> IdempotencyKey.json(Map.of("ticket", after.code(), "state", after.state().name(),
                            "stateName", after.state().zhName(), "version", after.version()))))
                    .ifPresent(answered -> answer(ctx, answered));
        }));
    }

    private static WorkerDuties.Send send(Context ctx, String what, JsonNode body) {
        String key = ctx.header(IdempotencyKey.HEADER);
        return new WorkerDuties.Send(key, ApiKeys.digest(what + "\0" + body.toString()));
    }

    private static Set<VisitFinding> findings(JsonNode body, List<FieldError> errors) {
        Set<VisitFinding> findings = EnumSet.noneOf(VisitFinding.class);
        List<JsonNode> listed = Fields.elements(body, "findings", VisitFinding.values().length, "走访情况代码", "finding codes", errors);
        for (JsonNode code : listed) {
            try {
                findings.add(VisitFinding.valueOf(code.asText()));
            } catch (IllegalArgumentException unknown) {
                errors.add(new FieldError("findings", "没有这个走访情况：" + code.asText() + "（可选：" + EnumSet.allOf(VisitFinding.class) + "）",
                        "no such finding: " + code.asText() + " (there are " + EnumSet.allOf(VisitFinding.class) + ")"));
                return findings;
            }
        }
        if (listed.isEmpty() && errors.stream().noneMatch(e -> e.field().equals("findings"))) {
            errors.add(new FieldError("findings", "至少选一项走访情况", "name at least one finding"));
        }
        return findings;
    }

    /// 201 for something new, 200 for a resend (marked `Idempotent-Replayed`) or the same visit sent again.
    private static void answer(Context ctx, WorkerDuties.Answered answered) {
        if (answered.replayed()) {
            ctx.header("Idempotent-Replayed", "true");
        }
        ctx.status(answered.fresh() ? HttpStatus.CREATED : HttpStatus.OK).contentType("application/json").result(answered.answer());
    }

    /// Runs `work`, answering the rules' refusals in both languages; empty when refused.
    private static <T> Optional<T> refusing(Context ctx, java.util.function.Supplier<T> work) {
        try {
            return Optional.of(work.get());
        } catch (VisitRefused refused) {
            HttpStatus status = STATUS.getOrDefault(refused.key(), HttpStatus.BAD_REQUEST);
            ctx.status(status).json(Map.of("error", refused.key().substring("visits.refused.".length()), "message", refused.bilingual()));
        } catch (TransitionRefused refused) {
            ctx.status(HttpStatus.CONFLICT).json(Map.of("error", "refused", "reason", refused.key(), "message", refused.bilingual()));
        } catch (StaleTicketException stale) {
            ctx.status(HttpStatus.CONFLICT).json(Gateway.error("stale", stale.message(Locale.SIMPLIFIED_CHINESE) + " / "
                    + stale.message(Locale.ENGLISH)));
        }
        return Optional.empty();
    }

    private static Map<String, Object> due(VisitDue d) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("household", d.householdId());
        v.put("category", d.category().name());
        v.put("categoryName", d.category().zhName());
        v.put("frequency", d.frequency().name());
        v.put("reason", d.reason().name());
        v.put("dueBy", d.dueBy().toString());
        v.put("overdue", d.overdue());
        v.put("lastVisit", d.lastVisit() == null ? null : d.lastVisit().toString());
        return v;
    }

    private static Map<String, Object> ticket(Ticket t) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("ticket", t.code());
        v.put("state", t.state().name());
        v.put("content", t.intake().summary());
        v.put("address", t.intake().place() == null ? null : t.intake().place().address());
        v.put("lon", t.intake().place() == null ? null : t.intake().place().lon());
        v.put("lat", t.intake().place() == null ? null : t.intake().place().lat());
        return v;
    }
}

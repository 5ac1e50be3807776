package org.griddesk.intake;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.griddesk.domain.org.Unit;
import org.griddesk.domain.ticket.Attachment;
import org.griddesk.domain.ticket.AttachmentRefused;
import org.griddesk.domain.ticket.Ticket;
import org.griddesk.domain.ticket.TicketCommand;
import org.griddesk.domain.ticket.TransitionRefused;
import org.griddesk.domain.ticket.Whistle;
import org.griddesk.store.ticket.StaleTicketException;

/// The department feedback API (docs/api.md): a team's own system, with its team key, lists its
/// work and closes its part of the loop. `POST /api/v1/team/tickets/{code}/{action}` with action
/// `sign`, `return` (`reason`), `check-in`, `extension` (`days`, `reason`) or `handled` (`result`,
/// `evidence` links, `attachments` files inline, `files` uploaded before to [TeamFiles#PATH]), each optionally with the
/// `version` it last saw and an `Idempotency-Key` header ([IdempotencyKey]). The rules answer 409 with their
/// reason; someone else's change since `version` answers 409 saying who.
final class TeamEndpoints {
    static final int MAX_REASON = 1000;
    static final int MAX_EVIDENCE = 9;
    static final int MAX_EXTENSION_DAYS = 60;
    /// what a team's system can do to a ticket, as the path names it
    static final List<String> ACTIONS = List.of("sign", "return", "check-in", "extension", "handled");

    private final Taker taker;

    TeamEndpoints(Taker taker) {
        this.taker = taker;
    }

    /// A team's system allowed in: the service and its team.
    private record Admitted(TeamFeedback feedback, Unit team) {
    }

    private Optional<Admitted> admitted(Context ctx) {
        Optional<String> digest = Taker.digest(ctx);
        Optional<String> teamId = digest.flatMap(taker.intakes().teamOfDigest());
        if (teamId.isEmpty()) {
            Taker.unauthorized(ctx);
            return Optional.empty();
        }
        return taker.admitted(ctx, digest.get(), taker.intakes().feedback()).flatMap(feedback -> {
            Optional<Unit> team = feedback.team(teamId.get());
            if (team.isEmpty()) {
                ctx.status(HttpStatus.FORBIDDEN).json(Gateway.error("forbidden", "该密钥的队伍已不存在 / this key's team no longer exists"));
            }
            return team.map(t -> new Admitted(feedback, t));
        });
    }

    /// `GET /api/v1/team/tickets`: what the team works on now.
    void work(Context ctx) {
        admitted(ctx).ifPresent(a -> ctx.json(Map.of("team", a.team().id(),
                "tickets", a.feedback().work(a.team()).stream().map(t -> view(t, a.team())).toList())));
    }

    /// `GET /api/v1/team/tickets/{code}`: one of them.
    void ticket(Context ctx) {
        admitted(ctx).ifPresent(a -> visible(ctx, a).ifPresent(t -> ctx.json(view(t, a.team()))));
    }

    /// `POST /api/v1/team/files`: one file for a handled report ([TeamFiles]).
    void upload(Context ctx) {
        admitted(ctx).ifPresent(a -> TeamFiles.upload(ctx, a.feedback(), a.team()));
    }

    /// `POST /api/v1/team/tickets/{code}/{action}`: an unknown action (404 `no_such_action`) and an
    /// unknown ticket (404 `no_such_ticket`) are told apart before the body is read.
    void act(Context ctx) {
        String action = ctx.pathParam("action");
        admitted(ctx).filter(a -> knownAction(ctx, action)).filter(a -> IdempotencyKey.valid(ctx)).ifPresent(a -> visible(ctx, a)
                .ifPresent(ticket -> Taker.jsonBody(ctx).ifPresent(body -> act(ctx, a, ticket, action, body))));
    }

    private static void act(Context ctx, Admitted a, Ticket ticket, String action, JsonNode body) {
        List<FieldError> errors = new ArrayList<>();
        if (!body.isMissingNode() && !Fields.isObject(body, errors)) {
            ctx.status(HttpStatus.BAD_REQUEST).json(Gateway.invalid(errors));
            return;
        }
        String key = ctx.header(IdempotencyKey.HEADER);
        String digest = IdempotencyKey.contentDigest(ticket.code(), action, body);
        try {
            // a resend gets the first answer before its body is checked again (the files it names may be gone by now)
            Optional<TeamFeedback.Answered> earlier = key == null ? Optional.empty() : a.feedback().answeredBefore(a.team(), key, digest);
            if (earlier.isPresent()) {
                answer(ctx, earlier.get());
                return;
            }
            Long version = Fields.whole(body, "version", 1, Long.MAX_VALUE, errors);
            Optional<TicketCommand> command = command(action, body, file -> a.feedback().uploaded(a.team(), file), errors);
            if (!errors.isEmpty()) {
                ctx.status(HttpStatus.BAD_REQUEST).json(Gateway.invalid(errors));
                return;
            }
            if (key == null) {
                ctx.json(view(a.feedback().act(a.team(), ticket, version, command.orElseThrow()).after(), a.team()));
                return;
            }
            answer(ctx, a.feedback().act(a.team(), ticket, version, command.orElseThrow(), key, digest,
                    after -> IdempotencyKey.json(view(after, a.team()))));
        } catch (ReusedIdempotencyKey reused) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT).json(Gateway.error("idempotency_key_reused",
                    "该 Idempotency-Key 已用于另一操作或内容不同的请求，未执行；新操作请用新键"
                            + " / this Idempotency-Key was sent before for another action or body: nothing was done; use a new key"));
        } catch (TransitionRefused refused) {
            ctx.status(HttpStatus.CONFLICT).json(Map.of("error", "refused", "reason", refused.key(), "message", refused.bilingual(),
                    "state", ticket.state().name(), "version", ticket.version()));
        } catch (StaleTicketException stale) {
            ctx.status(HttpStatus.CONFLICT).json(Map.of("error", "stale", "message", stale.message(Locale.SIMPLIFIED_CHINESE)
                    + " / " + stale.message(Locale.ENGLISH), "state", stale.newState().name(), "version", stale.currentVersion()));
        }
    }

    /// The answer kept with an action sent with an `Idempotency-Key` (marked when it is a resend's).
    private static void answer(Context ctx, TeamFeedback.Answered answered) {
        if (answered.replayed()) {
            ctx.header("Idempotent-Replayed", "true");
        }
        ctx.status(HttpStatus.OK).contentType("application/json").result(answered.answer());
    }

    /// Whether `action` is one of [#ACTIONS]; answers 404 `no_such_action`, listing them, when not.
    private static boolean knownAction(Context ctx, String action) {
        if (ACTIONS.contains(action)) {
            return true;
        }
        ctx.status(HttpStatus.NOT_FOUND).json(Map.of("error", "no_such_action", "message", "没有这个操作（可用："
                + String.join("、", ACTIONS) + "）/ no such action (there are " + String.join(", ", ACTIONS) + ")", "actions", ACTIONS));
        return false;
    }

    private static Optional<Ticket> visible(Context ctx, Admitted a) {
        String code = ctx.pathParam("code");
        Optional<Ticket> ticket = code.length() <= 20 ? a.feedback().visible(a.team(), code) : Optional.empty();
        if (ticket.isEmpty()) {
            // the same answer for a ticket that does not exist and one the team has no part in
            ctx.status(HttpStatus.NOT_FOUND).json(Gateway.error("no_such_ticket", "本队伍没有这张工单 / this team has no such ticket"));
        }
        return ticket;
    }

    private static Optional<TicketCommand> command(String action, JsonNode body, Function<String, Optional<Attachment>> uploaded,
                                                   List<FieldError> errors) {
        return switch (action) {
            case "sign" -> Optional.of(new TicketCommand.Sign());
            case "check-in" -> Optional.of(new TicketCommand.CheckIn());
            case "return" -> Optional.ofNullable(Fields.text(body, "reason", true, MAX_REASON, errors)).map(TicketCommand.Return::new);
            case "extension" -> {
                Long days = Fields.whole(body, "days", 1, MAX_EXTENSION_DAYS, errors);
                if (days == null && errors.stream().noneMatch(e -> e.field().equals("days"))) {
                    errors.add(new FieldError("days", "缺少必填项 days", "days is required"));
                }
                String reason = Fields.text(body, "reason", true, MAX_REASON, errors);
                yield days == null || reason == null ? Optional.empty()
                        : Optional.of(new TicketCommand.RequestExtension(days.intValue(), reason));
            }
            case "handled" -> {
                String result = Fields.text(body, "result", true, HotlineOrder.MAX_CONTENT, errors);
                List<String> evidence = Fields.urls(body, "evidence", MAX_EVIDENCE, errors);
                List<Attachment> files = new ArrayList<>(AttachmentField.parse(body, errors));
                files.addAll(TeamFiles.parse(body, uploaded, errors));
                if (files.size() > Attachment.MAX_PER_REPORT) {
                    errors.add(new FieldError(TeamFiles.FIELD, AttachmentRefused.tooMany().message(Locale.SIMPLIFIED_CHINESE)
                            + "（attachments 与 files 合计）", AttachmentRefused.tooMany().message(Locale.ENGLISH) + " (attachments and files together)"));
                }
                yield result == null || !errors.isEmpty() ? Optional.empty()
                        : Optional.of(new TicketCommand.ReportHandled(result, evidence, files));
            }
            default -> throw new IllegalArgumentException("not one of " + ACTIONS + ": " + action);
        };
    }

    /// A ticket as a team's system sees it: what to do and by when; the citizen masked.
    private static Map<String, Object> view(Ticket t, Unit team) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("ticket", t.code());
        v.put("state", t.state().name());
        v.put("stateName", t.state().zhName());
        v.put("version", t.version());
        v.put("assignedToYou", team.id().equals(t.assignedTeamId()));
        v.put("content", t.intake().summary());
        v.put("grid", t.intake().gridCode());
        v.put("address", t.intake().place() == null ? null : t.intake().place().address());
        v.put("item", t.deadline() == null ? null : t.deadline().itemCode());
        v.put("dueAt", t.deadline() == null ? null : t.deadline().dueAt().toString());
        // a caller sealed with a key this gateway does not hold is left out, never shown as a number
        v.put("caller", t.intake().caller() == null || !t.intake().caller().readable() ? null
                : t.intake().caller().maskedName() + " " + t.intake().caller().maskedPhone());
        v.put("checkInDue", t.openWhistles().stream().filter(w -> w.teamId().equals(team.id())).map(Whistle::checkInDue)
                .findFirst().map(Object::toString).orElse(null));
        return v;
    }
}

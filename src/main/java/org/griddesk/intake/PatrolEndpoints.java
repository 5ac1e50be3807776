package org.griddesk.intake;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.griddesk.patrol.BatchCheck;
import org.griddesk.store.patrol.PatrolIngest;

/// `POST /api/v1/grid/patrols`: a grid worker's patrol batch from 网格通, sent with the worker's own
/// token (`Authorization: Bearer gdw_…`) and an `Idempotency-Key` per batch (docs/api.md, 巡查轨迹).
final class PatrolEndpoints {
    static final String PATH = "/api/v1/grid/patrols";

    private final Taker taker;

    PatrolEndpoints(Taker taker) {
        this.taker = taker;
    }

    void post(Context ctx) {
        if (!Taker.bearer(ctx)) {
            ctx.status(HttpStatus.UNAUTHORIZED).json(Gateway.error("invalid_token",
                    "巡查轨迹须以网格员本人令牌发送（Authorization: Bearer gdw_…）/ patrols are sent with the worker's own token (Authorization: Bearer gdw_…)"));
            return;
        }
        String key = ctx.header(IdempotencyKey.HEADER);
        if (key == null) {
            ctx.status(HttpStatus.BAD_REQUEST).json(Gateway.invalid(List.of(new FieldError(IdempotencyKey.HEADER,
                    "每个批次须带 Idempotency-Key（重发时不变）", "each batch carries an Idempotency-Key (the same when sent again)"))));
            return;
        }
        if (!IdempotencyKey.valid(ctx)) {
            return;
        }
        taker.takingWorker(ctx).ifPresent(taking -> {
            Optional<PatrolIngest> ingest = taker.intakes().patrols().get();
            if (ingest.isEmpty()) {
                Taker.unavailable(ctx);
                return;
            }
            PatrolBatchBody.Parsed batch = PatrolBatchBody.parse(taking.body(), ingest.get().check().limits().maxPoints());
            if (!batch.errors().isEmpty()) {
                ctx.status(HttpStatus.BAD_REQUEST).json(Gateway.invalid(batch.errors()));
                return;
            }
            Optional<BatchCheck.Refused> refused = ingest.get().check().refusal(batch.count());
            if (refused.isPresent()) {
                answer(ctx, new PatrolIngest.Refused(refused.get().code(), refused.get().zh(), refused.get().en()));
                return;
            }
            answer(ctx, ingest.get().take(taking.worker().accountId(), key, batch.points()));
        });
    }

    private static void answer(Context ctx, PatrolIngest.Taken taken) {
        switch (taken) {
            case PatrolIngest.Refused r -> ctx.status(r.code().equals("batch_too_large") ? HttpStatus.CONTENT_TOO_LARGE
                    : HttpStatus.BAD_REQUEST).json(Gateway.error(r.code(), r.zh() + " / " + r.en()));
            case PatrolIngest.KeyReused k -> ctx.status(HttpStatus.UNPROCESSABLE_CONTENT).json(Gateway.error("idempotency_key_reused",
                    "此 Idempotency-Key 已用于另一批轨迹点，未保存 / this Idempotency-Key was used before for other points: nothing stored"));
            case PatrolIngest.NothingKept n -> {
                Map<String, Object> body = new LinkedHashMap<>(Gateway.error("no_points_kept",
                        "本批没有可保存的轨迹点 / no point of the batch could be stored"));
                body.put("setAside", setAside(n.setAside()));
                ctx.status(HttpStatus.UNPROCESSABLE_CONTENT).json(body);
            }
            case PatrolIngest.Stored s -> {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("batch", s.batch());
                body.put("stored", s.points());
                body.put("grid", s.grid());
                body.put("alreadyReceived", s.alreadyReceived());
                body.put("setAside", setAside(s.setAside()));
                ctx.status(s.alreadyReceived() ? HttpStatus.OK : HttpStatus.CREATED).json(body);
            }
        }
    }

    private static List<Map<String, Object>> setAside(List<BatchCheck.SetAside> points) {
        return points.stream().<Map<String, Object>>map(p -> Map.of("index", p.index(), "reason", p.code(),
                "message", p.zh() + " / " + p.en())).toList();
    }
}

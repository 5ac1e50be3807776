package org.griddesk.intake;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.griddesk.domain.ticket.Channel;
import org.griddesk.domain.ticket.IntakeDetail;
import org.griddesk.domain.ticket.Place;

/// The channels' own JSON endpoints (docs/api.md): 8890 orders, 网格通 reports, 雪亮工程 alarms and
/// pushes. Each reads and checks its body, then hands the request to [IntakeService].
final class ChannelEndpoints {
    static final Set<Channel> PUSH_CHANNELS = Set.of(Channel.SMART_PUSH, Channel.DEPARTMENT_PUSH, Channel.GOVERNANCE_PLATFORM);

    private final Taker taker;

    ChannelEndpoints(Taker taker) {
        this.taker = taker;
    }

    /// `POST /api/v1/hotline/orders`: an 8890 work order, once per order number.
    void hotlineOrder(Context ctx) {
        taker.taking(ctx, Channel.HOTLINE_8890).ifPresent(taking -> {
            HotlineOrder.Parsed order = HotlineOrder.parse(taking.body(), Instant.now());
            take(ctx, taking.service(), order.errors(), () -> new IntakeService.Request(order.intake(), null,
                    new IntakeDetail(null, null, order.categoryHint(), order.urgent()), null));
        });
    }

    /// `POST /api/v1/grid/reports`: a grid worker's report from 网格通, once per report id. The app
    /// sends either the channel's key (`X-Api-Key`) or the worker's own token (`Authorization: Bearer
    /// gdw_…`); with a token the ticket is reported under the worker's account.
    void gridReport(Context ctx) {
        if (Taker.bearer(ctx)) {
            taker.takingWorker(ctx).ifPresent(taking -> gridReport(ctx, taking.service(), taking.body(), taking.worker()));
            return;
        }
        taker.taking(ctx, Channel.GRID_APP).ifPresent(taking -> gridReport(ctx, taking.service(), taking.body(), null));
    }

    private static void gridReport(Context ctx, IntakeService service, JsonNode body, IntakeService.SignedWorker worker) {
        GridReport.Parsed report = GridReport.parse(body, Instant.now());
        List<FieldError> errors = new ArrayList<>(report.errors());
        if (report.valid()) {
            knownGrid(service, report.intake().gridCode(), errors);
            knownItem(service, report.itemCode(), errors);
        }
        take(ctx, service, errors, () -> new IntakeService.Request(report.intake(), report.workerId(),
                new IntakeDetail(null, report.itemCode(), null, false), null, null, worker));
    }

    /// `POST /api/v1/video/alarms`: a 雪亮工程 alarm, once per alarm id; repeats of an open one fold into it.
    void videoAlarm(Context ctx) {
        taker.taking(ctx, Channel.VIDEO).ifPresent(taking -> {
            IntakeService service = taking.service();
            VideoAlarmReport.Parsed alarm = VideoAlarmReport.parse(taking.body(), Instant.now(),
                    code -> service.camera(code).map(c -> new Place(null, c.lon(), c.lat())));
            take(ctx, service, alarm.errors(), () -> new IntakeService.Request(alarm.intake(), null, null, alarm.alarm()));
        });
    }

    /// `POST /api/v1/pushes`: a smart, department or 津治通 push, once per push id.
    void push(Context ctx) {
        taker.taking(ctx, PUSH_CHANNELS).ifPresent(taking -> {
            PushReport.Parsed push = PushReport.parse(taking.body(), taking.channel(), Instant.now());
            List<FieldError> errors = new ArrayList<>(push.errors());
            if (push.valid()) {
                knownGrid(taking.service(), push.intake().gridCode(), errors);
                knownItem(taking.service(), push.hints().itemHint(), errors);
            }
            // a sensor platform's push names its item when the administrator has mapped its source (griddesk alarms map)
            IntakeDetail hints = push.valid() && push.hints().itemHint() == null && taking.channel() == Channel.SMART_PUSH
                    ? taking.service().kindItem(push.source()).map(item -> new IntakeDetail(null, item, push.hints().categoryHint(),
                            push.hints().urgent())).orElse(push.hints())
                    : push.hints();
            take(ctx, taking.service(), errors, () -> new IntakeService.Request(push.intake(), null, hints, null));
        });
    }

    private static void knownGrid(IntakeService service, String grid, List<FieldError> errors) {
        if (grid != null && !service.knowsGrid(grid)) {
            errors.add(new FieldError("gridCode", "没有这个网格：" + grid, "no such grid: " + grid));
        }
    }

    private static void knownItem(IntakeService service, String item, List<FieldError> errors) {
        if (item != null && !service.knowsItem(item)) {
            errors.add(new FieldError("itemCode", "事项目录中没有这个事项：" + item, "no such item in the catalogue: " + item));
        }
    }

    /// 400 naming the fields when there are errors; else accepts the request and answers with its ticket.
    private static void take(Context ctx, IntakeService service, List<FieldError> errors,
                             Supplier<IntakeService.Request> request) {
        if (!errors.isEmpty()) {
            ctx.status(HttpStatus.BAD_REQUEST).json(Gateway.invalid(errors));
            return;
        }
        answer(ctx, service.accept(request.get()));
    }

    /// 201 for a new ticket; 200 for one the same channel number made before, or an alarm folded into an open one.
    private static void answer(Context ctx, IntakeService.Accepted accepted) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ticket", accepted.ticket().code());
        body.put("grid", Optional.ofNullable(accepted.ticket().intake().gridCode()).orElse(""));
        body.put("located", accepted.located());
        body.put("locatedBy", accepted.locatedBy() == null ? "NONE" : accepted.locatedBy().name());
        body.put("alreadyReceived", accepted.alreadyThere());
        body.put("folded", accepted.folded());
        body.put("repeats", accepted.repeats());
        body.put("duplicates", accepted.duplicates().stream().map(d -> Map.of("ticket", d.candidateCode(), "score", d.score(),
                "reasons", d.reasonsZh())).toList());
        ctx.status(accepted.alreadyThere() || accepted.folded() ? HttpStatus.OK : HttpStatus.CREATED).json(body);
    }
}

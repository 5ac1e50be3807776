package org.griddesk.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import org.griddesk.domain.calendar.DayKind;
import org.griddesk.domain.calendar.WorkCalendar;
import org.griddesk.domain.district.Team;
import org.griddesk.domain.org.Actor;
import org.griddesk.domain.org.Role;
import org.griddesk.domain.org.Unit;
import org.griddesk.domain.taxonomy.Item;
import org.griddesk.domain.ticket.CallbackResult;
import org.griddesk.domain.ticket.Caller;
import org.griddesk.domain.ticket.Channel;
import org.griddesk.domain.ticket.Intake;
import org.griddesk.domain.ticket.LifecycleRules;
import org.griddesk.domain.ticket.Ticket;
import org.griddesk.domain.ticket.TicketCode;
import org.griddesk.domain.ticket.TicketCommand;
import org.griddesk.domain.ticket.TicketLifecycle;
import org.griddesk.domain.ticket.TicketState;
import org.griddesk.domain.ticket.Transition;
import org.griddesk.domain.ticket.TransitionRefused;
import org.griddesk.geo.Region;
import org.griddesk.store.ticket.TicketHistoryWriter.History;

/// Two years of tickets for the demo district, each one run through the lifecycle engine so that its
/// trail is one the rules allow: daily and weekly rhythms, holiday dips, the channel mix (8890 about
/// half), a category mix, hot-spot grids, returns, whistles, escalations, extensions, rework and
/// dissatisfied callbacks. Tickets of the last days are still open, in every state.
public final class DemoHistoryGenerator {
    public static final int DEFAULT_DAYS = 730;
    private static final double TICKETS_PER_WORKDAY = 118;

    private static final Map<Channel, Double> CHANNELS = new EnumMap<>(Map.of(
            Channel.HOTLINE_8890, 0.50, Channel.GRID_APP, 0.20, Channel.GOVERNANCE_PLATFORM, 0.10,
            Channel.VIDEO, 0.08, Channel.DEPARTMENT_PUSH, 0.07, Channel.SMART_PUSH, 0.05));
    /// share of citizens' requests made by the district's repeat callers (高频来电人)
    private static final double REPEAT_CALLER_SHARE = 0.08;
    private static final int REPEAT_CALLERS = 240;
    /// relative weight of each category (01 public safety … 09 ecology)
    private static final double[] CATEGORY_WEIGHT = {0.8, 1.2, 1.3, 2.2, 0.6, 1.3, 1.4, 1.1, 0.7};

    private final DemoDistrictData district;
    private final TicketLifecycle lifecycle;
    private final WorkCalendar calendar;
    private final Random random;
    private final Map<String, Actor> actors = new HashMap<>();
    private final Map<String, String> teamByCentreAndType = new HashMap<>();
    private final List<Region> grids;
    private final double[] gridCumulative;
    private final List<Item> items;
    private final double[] itemCumulative;
    private final Map<String, Integer> monthCounter = new HashMap<>();
    private final Map<String, Ticket> lastOpenByGrid = new HashMap<>();
    private final DemoPeople people;
    private final List<RepeatCaller> repeatCallers = new ArrayList<>();
    private final RequestTexts texts;
    private final Lateness lateness;
    private int refusals;

    public DemoHistoryGenerator(DemoDistrictData district, long seed) {
        this.district = district;
        this.calendar = WorkCalendar.builtIn();
        this.lifecycle = new TicketLifecycle(calendar, district.organisation(), LifecycleRules.DEFAULT);
        this.random = new Random(seed * 17 + 3);
        this.texts = RequestTexts.load(seed);
        this.lateness = new Lateness(calendar);
        for (Team t : district.teams()) {
            teamByCentreAndType.put(t.unit().parentId() + "/" + t.teamTypeCode(), t.unit().id());
        }
        this.grids = district.map().grids();
        this.gridCumulative = new double[grids.size()];
        double sum = 0;
        for (int i = 0; i < grids.size(); i++) {
            boolean hotSpot = i % 83 == 7; // about 19 hot-spot grids: markets, old estates, busy junctions
            sum += Math.sqrt(grids.get(i).weight()) * (hotSpot ? 8 : 1);
            gridCumulative[i] = sum;
        }
        this.items = district.taxonomy().items();
        this.itemCumulative = new double[items.size()];
        sum = 0;
        for (int i = 0; i < items.size(); i++) {
            sum += CATEGORY_WEIGHT[Integer.parseInt(items.get(i).categoryCode()) - 1];
            itemCumulative[i] = sum;
        }
        this.people = new DemoPeople(random);
        for (int i = 0; i < REPEAT_CALLERS; i++) {
            repeatCallers.add(new RepeatCaller(new Caller(people.name(), people.phone()), pick(grids, gridCumulative),
                    pick(items, itemCumulative)));
        }
    }

    /// Rules refused along the way (a generator bug if not 0).
    public int refusals() {
        return refusals;
    }

    /// Histories of `days` days up to `now`, ids from 1, codes `YYMM-NNNN` by month of report.
    public List<History> generate(int days, Instant now) {
        List<History> histories = new ArrayList<>();
        generate(days, now, histories::add);
        return histories;
    }

    /// As above, handing each history to `sink` as soon as it is made, in id order (the same
    /// histories for the same seed, days and `now`).
    public void generate(int days, Instant now, Consumer<History> sink) {
        LocalDate today = WorkCalendar.localDate(now);
        long id = 0;
        for (LocalDate day = today.minusDays(days - 1L); !day.isAfter(today); day = day.plusDays(1)) {
            DayKind kind = calendar.kindOf(day);
            double expected = TICKETS_PER_WORKDAY * switch (kind) {
                case WORKDAY, SWAPPED_WORKDAY -> day.getDayOfWeek().getValue() == 1 ? 1.15 : 1.0;
                case WEEKEND -> 0.62;
                case HOLIDAY -> 0.45;
            } * (1 + 0.15 * Math.sin(2 * Math.PI * day.getDayOfYear() / 365.0)); // more in summer
            int count = poisson(expected);
            for (int n = 0; n < count; n++) {
                Instant reported = day.atTime(timeOfDay()).atZone(WorkCalendar.ZONE).toInstant();
                if (reported.isAfter(now)) {
                    continue;
                }
                sink.accept(simulate(++id, reported, now));
            }
        }
    }

    private History simulate(long id, Instant reported, Instant now) {
        Channel channel = channel();
        Region grid = pick(grids, gridCumulative);
        Item item = pick(items, itemCumulative);
        Caller caller = null;
        if (channel == Channel.HOTLINE_8890 || channel == Channel.GOVERNANCE_PLATFORM) {
            if (random.nextDouble() < REPEAT_CALLER_SHARE) {
                // a few people call again and again, mostly about the same thing at home
                RepeatCaller repeat = repeatCallers.get((int) (repeatCallers.size() * Math.pow(random.nextDouble(), 2)));
                caller = repeat.caller();
                grid = repeat.home();
                item = random.nextDouble() < 0.6 ? repeat.concern() : item;
            } else {
                caller = new Caller(random.nextInt(4) == 0 ? "" : people.name(), people.phone());
            }
        }
        String centre = grid.code().substring(0, grid.code().indexOf('-'));
        String month = TicketCode.month(reported);
        String code = TicketCode.of(month, monthCounter.merge(month, 1, Integer::sum));
        Intake intake = new Intake(channel, channel == Channel.HOTLINE_8890 ? "8890-" + id : null,
                texts.text(id, channel, item, grid), grid.code(), reported, caller);
        Transition first = lifecycle.report(id, code, intake, centre, actor("CH-" + channel.name(), Role.CHANNEL, centre),
                reported);
        Path path = new Path(first, now);
        run(path, grid, item, centre);
        if (!path.ticket.state().isTerminal()) {
            lastOpenByGrid.put(grid.code(), path.ticket);
        }
        return new History(path.ticket, path.trail);
    }

    /// Someone who calls often, from home, mostly about one thing.
    private record RepeatCaller(Caller caller, Region home, Item concern) {
    }

    /// The steps of one ticket, stopping at `now`.
    private void run(Path p, Region grid, Item item, String centre) {
        Actor dispatcher = actor("D-" + centre, Role.DISPATCHER, centre);
        Actor supervisor = actor("S-" + centre, Role.SUPERVISOR, centre);
        double fate = random.nextDouble();
        Ticket master = lastOpenByGrid.get(grid.code());
        if (fate < 0.01) {
            p.step(minutes(3, 30), new TicketCommand.RejectInvalid("重复来电，无具体诉求"), dispatcher);
            return;
        }
        if (fate < 0.03 && master != null && master.intake().reportedAt().isAfter(p.at.minus(Duration.ofDays(3)))) {
            p.step(minutes(3, 30), new TicketCommand.Merge(master), dispatcher);
            return;
        }
        if (!p.step(minutes(3, 40), new TicketCommand.Accept(item.code(), item.deadline(), item.consultation()), dispatcher)) {
            return;
        }
        if (item.consultation()) {
            if (p.step(minutes(10, 120), new TicketCommand.Answer("已按政策答复来电人"), dispatcher)) {
                callbackAndClose(p, dispatcher, supervisor, false);
            }
            return;
        }
        p.step(minutes(10, 150), new TicketCommand.ContactCitizen("已电话联系"), dispatcher);
        String teamType = item.streetTeamType();
        String team = teamByCentreAndType.get(centre + "/" + teamType);
        if (random.nextDouble() < 0.03) { // sent to the wrong team first
            String wrong = teamByCentreAndType.get(centre + "/" + (teamType.equals("CG") ? "HW" : "CG"));
            if (!p.step(minutes(5, 60), new TicketCommand.Dispatch(wrong), dispatcher)
                    || !p.step(minutes(20, 240), new TicketCommand.Return("不属本队职责，请改派"), handler(wrong))) {
                return;
            }
        }
        if (random.nextDouble() < 0.01) { // the town cannot solve it: the district takes it
            if (!p.step(minutes(10, 90), new TicketCommand.Escalate("涉及多部门，镇级无法协调"), supervisor)) {
                return;
            }
            centre = "JN";
            dispatcher = actor("D-JN", Role.DISPATCHER, "JN");
            supervisor = actor("S-JN", Role.SUPERVISOR, "JN");
            team = "JN-" + item.districtTeamType();
            if (!p.step(minutes(10, 120), new TicketCommand.Accept(item.code(), item.deadline(), false), dispatcher)) {
                return;
            }
        }
        if (!p.step(minutes(5, 60), new TicketCommand.Dispatch(team), dispatcher)) {
            return;
        }
        Actor handler = handler(team);
        if (!p.step(minutes(10, 240), new TicketCommand.Sign(), handler)) {
            return;
        }
        if (!centre.equals("JN") && random.nextDouble() < 0.02) {
            String department = "JN-" + item.districtTeamType();
            if (p.step(minutes(30, 300), new TicketCommand.Whistle(List.of(department)), dispatcher)) {
                p.step(minutes(20, random.nextDouble() < 0.85 ? 110 : 400), new TicketCommand.CheckIn(), handler(department));
            }
        }
        Instant due = p.ticket.deadline().dueAt();
        if (random.nextDouble() < 0.03) {
            Instant askAt = p.at.plus(Duration.between(p.at, due).multipliedBy(3).dividedBy(10));
            if (p.stepAt(askAt, new TicketCommand.RequestExtension(2 + random.nextInt(4), "需协调相关单位"), handler)) {
                boolean approve = random.nextDouble() < 0.8;
                p.step(minutes(30, 480), approve ? new TicketCommand.ApproveExtension(true, "已告知群众新的办结时间")
                        : new TicketCommand.RejectExtension("理由不充分"), supervisor);
                due = p.ticket.deadline().dueAt();
            }
        }
        boolean late = random.nextDouble() < lateness.chance(item, team, p.at, due);
        Instant handledAt = late ? due.plus(Duration.ofMinutes(60 + random.nextInt(3 * 24 * 60)))
                : p.at.plus(Duration.between(p.at, due).multipliedBy(10 + random.nextInt(85)).dividedBy(100));
        lateness.inHand(team, handledAt);
        if (late && random.nextDouble() < 0.4) {
            p.stepAt(due.minus(Duration.ofHours(6)), new TicketCommand.Urge("临近超期，请加快办理"), supervisor);
        }
        if (!p.stepAt(handledAt, new TicketCommand.ReportHandled("已现场处置完毕", List.of("photo:" + p.ticket.code() + ".jpg")), handler)) {
            return;
        }
        if (random.nextDouble() < 0.05) {
            if (!p.step(minutes(120, 1500), new TicketCommand.VerifyFail("网格员核实未处理到位"), dispatcher)
                    || !p.step(minutes(240, 2880), new TicketCommand.ReportHandled("已返工处理", List.of()), handler)) {
                return;
            }
        }
        if (!p.step(minutes(120, 1800), new TicketCommand.VerifyPass("网格员现场核实"), dispatcher)) {
            return;
        }
        if (callbackAndClose(p, dispatcher, supervisor, true) == CallbackResult.DISSATISFIED
                && p.ticket.state() == TicketState.CALLBACK) {
            if (p.step(minutes(30, 240), new TicketCommand.Reopen("群众不满意，重新办理"), dispatcher)
                    && p.step(minutes(600, 4000), new TicketCommand.ReportHandled("已再次处理", List.of()), handler)
                    && p.step(minutes(120, 1500), new TicketCommand.VerifyPass("复核通过"), dispatcher)) {
                callbackAndClose(p, dispatcher, supervisor, false);
            }
        }
    }

    /// Calls the citizen back and closes; a dissatisfied citizen may have it reopened once
    /// (`mayReopen`), after that the centre closes with a note.
    private CallbackResult callbackAndClose(Path p, Actor dispatcher, Actor supervisor, boolean mayReopen) {
        double r = random.nextDouble();
        CallbackResult result = r < 0.82 ? CallbackResult.SATISFIED : r < 0.95 ? CallbackResult.BASICALLY_SATISFIED
                : CallbackResult.DISSATISFIED;
        if (!p.step(minutes(60, 1200), new TicketCommand.CallBack(result, null), dispatcher)) {
            return null;
        }
        if (mayReopen && result == CallbackResult.DISSATISFIED && random.nextDouble() < 0.6) {
            return result; // reopened by the caller
        }
        p.step(minutes(5, 90), new TicketCommand.Close(result == CallbackResult.DISSATISFIED ? "已解释政策，群众仍不满意" : null),
                result == CallbackResult.DISSATISFIED ? supervisor : dispatcher);
        return result;
    }

    /// One ticket's trail being made.
    private final class Path {
        private final Instant now;
        private Ticket ticket;
        private Instant at;
        private final List<Transition> trail = new ArrayList<>();

        Path(Transition reported, Instant now) {
            this.ticket = reported.after();
            this.at = reported.at();
            this.now = now;
            trail.add(reported);
        }

        boolean step(Duration after, TicketCommand command, Actor actor) {
            return stepAt(at.plus(after), command, actor);
        }

        boolean stepAt(Instant when, TicketCommand command, Actor actor) {
            Instant time = when.isAfter(at) ? when : at.plusSeconds(60);
            if (time.isAfter(now)) {
                return false;
            }
            try {
                Transition t = lifecycle.execute(ticket, command, actor, time);
                ticket = t.after();
                at = time;
                trail.add(t);
                return true;
            } catch (TransitionRefused e) {
                refusals++;
                return false;
            }
        }
    }

    private Actor actor(String id, Role role, String unitId) {
        return actors.computeIfAbsent(id + "@" + unitId, k -> {
            Unit unit = district.organisation().unit(unitId).orElseThrow(() -> new IllegalStateException("no unit " + unitId));
            String name = switch (role) {
                case DISPATCHER -> unit.name().replace("网格化管理中心", "") + "调度员";
                case SUPERVISOR -> unit.name().replace("网格化管理中心", "") + "值班长";
                case HANDLER -> unit.name() + "承办人";
                default -> unit.name();
            };
            return new Actor(id, name, role, unit);
        });
    }

    private Actor handler(String teamId) {
        return actor("H-" + teamId, Role.HANDLER, teamId);
    }

    private Duration minutes(int min, int max) {
        return Duration.ofMinutes(min + random.nextInt(Math.max(1, max - min)));
    }

    /// Requests arrive mostly 8–11 and 14–17, some in the evening, few at night.
    private LocalTime timeOfDay() {
        double r = random.nextDouble();
        int hour = r < 0.04 ? random.nextInt(7) : r < 0.42 ? 8 + random.nextInt(4) : r < 0.52 ? 12 + random.nextInt(2)
                : r < 0.85 ? 14 + random.nextInt(4) : 18 + random.nextInt(6);
        return LocalTime.of(hour, random.nextInt(60), random.nextInt(60));
    }

    private Channel channel() {
        double r = random.nextDouble();
        double sum = 0;
        for (Map.Entry<Channel, Double> e : CHANNELS.entrySet()) {
            sum += e.getValue();
            if (r < sum) {
                return e.getKey();
            }
        }
        return Channel.HOTLINE_8890;
    }

    private <T> T pick(List<T> values, double[] cumulative) {
        double r = random.nextDouble() * cumulative[cumulative.length - 1];
        int i = Arrays.binarySearch(cumulative, r);
        return values.get(Math.min(values.size() - 1, i < 0 ? -i - 1 : i));
    }

    private int poisson(double mean) {
        // normal approximation: means here are around 50–140
        return Math.max(0, (int) Math.round(mean + Math.sqrt(mean) * random.nextGaussian()));
    }
}

package org.griddesk.store.assessment;

import static org.griddesk.store.jooq.Tables.GRID_WORKER;
import static org.griddesk.store.jooq.Tables.ORG_UNIT;
import static org.griddesk.store.jooq.Tables.REGION;
import static org.griddesk.store.jooq.Tables.TAXONOMY_ITEM;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.griddesk.domain.assessment.KpiFilter;
import org.griddesk.domain.assessment.Measure;
import org.griddesk.domain.assessment.Period;
import org.griddesk.domain.assessment.UnitDimension;
import org.griddesk.domain.calendar.WorkCalendar;
import org.griddesk.domain.ticket.CallbackResult;
import org.griddesk.domain.ticket.RecordedEvent;
import org.griddesk.domain.ticket.Ticket;
import org.griddesk.domain.ticket.TicketEvent;
import org.griddesk.domain.ticket.TicketEvolution;
import org.griddesk.domain.ticket.TicketState;
import org.griddesk.domain.ticket.TimingPolicy;
import org.griddesk.domain.ticket.Whistle;
import org.griddesk.store.ticket.TicketRepository;
import org.jooq.DSLContext;

/// The independent recomputation of every measure: reads each ticket's trail (decoded events), rebuilds
/// the ticket with the domain's own [TicketEvolution] and counts in Java what `docs/assessment.md`
/// defines, for every unit of every dimension at once. The KPI engine's SQL must agree with it
/// exactly; it is also the benchmark's baseline.
public final class TrailReplay {
    /// measure → count, and the tickets counted, of one unit
    public record Tally(EnumMap<Measure, Long> counts, EnumMap<Measure, Set<Long>> tickets) {
        Tally() {
            this(new EnumMap<>(Measure.class), new EnumMap<>(Measure.class));
        }

        void add(Measure m, long ticketId, long amount) {
            counts.merge(m, amount, Long::sum);
            tickets.computeIfAbsent(m, k -> new TreeSet<>()).add(ticketId);
        }

        public long count(Measure m) {
            return counts.getOrDefault(m, 0L);
        }

        /// the counts without zeros, as a sheet holds them
        public Map<Measure, Long> nonZero() {
            Map<Measure, Long> out = new EnumMap<>(Measure.class);
            counts.forEach((m, v) -> {
                if (v != 0) {
                    out.put(m, v);
                }
            });
            return out;
        }
    }


    private final WorkCalendar calendar;
    private final TimingPolicy timing;
    private final Map<String, String> teamLevel = new HashMap<>();
    private final Map<String, String> communityOfGrid = new HashMap<>();
    private final Map<String, List<String>> workersOfGrid = new HashMap<>();
    private final Map<String, String> categoryOfItem = new HashMap<>();
    private final String districtId;

    public TrailReplay(DSLContext dsl, WorkCalendar calendar, TimingPolicy timing) {
        this.calendar = calendar;
        this.timing = timing;
        dsl.selectFrom(ORG_UNIT).where(ORG_UNIT.UNIT_KIND.eq("TEAM")).forEach(r -> teamLevel.put(r.getId(), r.getUnitLevel()));
        this.districtId = dsl.select(ORG_UNIT.ID).from(ORG_UNIT)
                .where(ORG_UNIT.UNIT_LEVEL.eq("DISTRICT"), ORG_UNIT.UNIT_KIND.eq("CENTRE")).orderBy(ORG_UNIT.ID).limit(1)
                .fetchOne(ORG_UNIT.ID);
        dsl.selectFrom(REGION).where(REGION.REGION_LEVEL.eq("GRID"), REGION.PARENT_CODE.isNotNull())
                .forEach(r -> communityOfGrid.put(r.getCode(), r.getParentCode()));
        dsl.selectFrom(GRID_WORKER).where(GRID_WORKER.IS_LEADER.isFalse(), GRID_WORKER.GRID_CODE.isNotNull())
                .forEach(r -> workersOfGrid.computeIfAbsent(r.getGridCode(), k -> new ArrayList<>()).add(r.getId()));
        dsl.selectFrom(TAXONOMY_ITEM).forEach(r -> categoryOfItem.put(r.getCode(), r.getCategoryCode()));
    }

    /// Every measure of every unit of every dimension: dimension → unit → tally.
    public Map<UnitDimension, Map<String, Tally>> replay(TicketRepository tickets, Period period, Instant asOf, KpiFilter filter) {
        Map<UnitDimension, Map<String, Tally>> out = new EnumMap<>(UnitDimension.class);
        for (UnitDimension d : UnitDimension.values()) {
            out.put(d, new TreeMap<>());
        }
        tickets.forEachTrail(2_000, trail -> count(trail, period, asOf, filter, out));
        return out;
    }

    private void count(List<RecordedEvent> trail, Period p, Instant asOf, KpiFilter filter,
                       Map<UnitDimension, Map<String, Tally>> out) {
        long id = trail.getFirst().ticketId();
        Ticket ticket = TicketEvolution.replay(id, String.valueOf(id), trail);
        if (filter.channel().isPresent() && filter.channel().get() != ticket.intake().channel()) {
            return;
        }
        if (filter.categoryCode().isPresent() && (ticket.deadline() == null
                || !filter.categoryCode().get().equals(categoryOfItem.get(ticket.deadline().itemCode())))) {
            return;
        }
        Counter c = new Counter(ticket, out);
        Instant reported = ticket.intake().reportedAt();
        Instant accepted = null;
        Instant contacted = null;
        Instant lastClose = null;
        Map<String, Whistle> openWhistles = new HashMap<>();
        List<Instant> callbacksDue = new ArrayList<>();
        List<Instant> callbacksMade = new ArrayList<>();
        for (RecordedEvent e : trail) {
            boolean inP = p.contains(e.at());
            switch (e.event()) {
                case TicketEvent.Accepted a -> accepted = accepted == null ? e.at() : accepted;
                case TicketEvent.CitizenContacted x -> contacted = contacted == null ? e.at() : contacted;
                case TicketEvent.Answered x -> {
                    contacted = contacted == null ? e.at() : contacted;
                    c.add(inP, Measure.CALLBACKS_DUE, null, 1);
                    if (inP) {
                        callbacksDue.add(e.at());
                    }
                }
                case TicketEvent.VerificationPassed x -> {
                    c.add(inP, Measure.CALLBACKS_DUE, null, 1);
                    if (inP) {
                        callbacksDue.add(e.at());
                    }
                }
                case TicketEvent.ExtensionRequested x -> c.add(inP, Measure.EXTENSIONS_ASKED, null, 1);
                case TicketEvent.ExtensionApproved x -> c.add(inP, Measure.EXTENSIONS_APPROVED, null, 1);
                case TicketEvent.Returned r -> c.add(inP, Measure.RETURNS, r.teamId(), 1);
                case TicketEvent.VerificationFailed x -> c.add(inP, Measure.REWORKS, null, 1);
                case TicketEvent.Urged x -> c.add(inP, Measure.URGES, null, 1);
                case TicketEvent.Reopened x -> c.add(inP, Measure.REOPENED, null, 1);
                case TicketEvent.Merged x -> c.add(inP, Measure.REPEAT_REQUESTS, null, 1);
                case TicketEvent.Closed x -> lastClose = e.at();
                case TicketEvent.CalledBack cb -> {
                    c.add(inP, Measure.CALLBACKS_DONE, null, 1);
                    callbacksMade.add(e.at());
                    c.add(inP && cb.result() != CallbackResult.DISSATISFIED, Measure.SATISFIED, null, 1);
                    c.add(inP && cb.result() == CallbackResult.DISSATISFIED, Measure.DISSATISFIED, null, 1);
                }
                case TicketEvent.Whistled w -> w.summoned().forEach(s -> {
                    openWhistles.put(s.teamId(), s);
                    c.add(p.contains(s.summonedAt()), Measure.WHISTLES, s.teamId(), 1);
                });
                case TicketEvent.CheckedIn in -> {
                    Whistle w = openWhistles.remove(in.teamId());
                    c.add(inP, Measure.CHECK_INS, in.teamId(), 1);
                    c.add(inP && !e.at().isAfter(w.checkInDue()), Measure.CHECK_INS_ON_TIME, in.teamId(), 1);
                    c.add(p.contains(w.summonedAt()) && !e.at().isAfter(w.checkInDue()) && e.at().isBefore(p.end()),
                            Measure.WHISTLES_ANSWERED_ON_TIME, in.teamId(), 1);
                }
                default -> {
                }
            }
        }
        c.add(p.contains(trail.getFirst().at()), Measure.RECEIVED, null, 1);
        if (accepted != null && p.contains(accepted)) {
            c.add(true, Measure.ACCEPTED, null, 1);
            c.add(accepted.getEpochSecond() - reported.getEpochSecond() <= timing.acceptWithin().toSeconds(),
                    Measure.ACCEPTED_ON_TIME, null, 1);
            c.add(ticket.state() == TicketState.CLOSED && lastClose.isBefore(p.end()), Measure.RESOLVED_OF_ACCEPTED, null, 1);
        }
        if (contacted != null && p.contains(contacted)) {
            c.add(true, Measure.CONTACTED, null, 1);
            c.add(accepted != null && contacted.getEpochSecond() - accepted.getEpochSecond() <= timing.contactWithin().toSeconds(),
                    Measure.CONTACTED_ON_TIME, null, 1);
        }
        if (ticket.state() == TicketState.CLOSED && p.contains(lastClose)) {
            Instant finished = ticket.milestones().handledAt() != null ? ticket.milestones().handledAt()
                    : ticket.milestones().answeredAt();
            boolean onTime = finished != null && !finished.isAfter(ticket.deadline().dueAt());
            c.add(true, Measure.RESOLVED, null, 1);
            c.add(onTime, Measure.RESOLVED_ON_TIME, null, 1);
            c.add(!onTime, Measure.FINISHED_LATE, null, 1);
            if (accepted != null && finished != null) {
                c.add(true, Measure.HANDLED_TIMED, null, 1);
                long work = WorkDays.workSeconds(calendar, finished) - WorkDays.workSeconds(calendar, accepted);
                c.add(true, Measure.HANDLING_WORK_MINUTES, null, Math.floorDiv(work, 60));
            }
        }
        for (Instant due : callbacksDue) {
            c.add(callbacksMade.stream().anyMatch(made -> !made.isBefore(due) && made.isBefore(p.end())),
                    Measure.CALLBACKS_DUE_DONE, null, 1);
        }
        List<RecordedEvent> before = trail.stream().filter(e -> e.at().isBefore(asOf)).toList();
        if (!before.isEmpty()) {
            Ticket then = TicketEvolution.replay(id, String.valueOf(id), before);
            if (!then.state().isTerminal() && then.deadline() != null && then.deadline().dueAt().isBefore(asOf)) {
                c.add(true, Measure.OVERDUE_OPEN, null, 1);
            }
        }
    }

    /// Adds a counted fact to the ticket's unit of every dimension.
    private final class Counter {
        private final Ticket ticket;
        private final Map<UnitDimension, Map<String, Tally>> out;

        Counter(Ticket ticket, Map<UnitDimension, Map<String, Tally>> out) {
            this.ticket = ticket;
            this.out = out;
        }

        void add(boolean counts, Measure m, String ownTeam, long amount) {
            if (!counts) {
                return;
            }
            String team = ownTeam != null ? ownTeam : ticket.assignedTeamId();
            String grid = ticket.intake().gridCode();
            put(UnitDimension.DISTRICT, districtId, m, amount);
            put(UnitDimension.CENTRE, ticket.ownerUnitId(), m, amount);
            if (team != null && "DISTRICT".equals(teamLevel.get(team))) {
                put(UnitDimension.DEPARTMENT, team, m, amount);
            }
            if (team != null && "STREET".equals(teamLevel.get(team))) {
                put(UnitDimension.TEAM, team, m, amount);
            }
            if (grid != null) {
                put(UnitDimension.GRID, grid, m, amount);
                if (communityOfGrid.containsKey(grid)) {
                    put(UnitDimension.COMMUNITY, communityOfGrid.get(grid), m, amount);
                }
                workersOfGrid.getOrDefault(grid, List.of()).forEach(w -> put(UnitDimension.GRID_WORKER, w, m, amount));
            }
        }

        private void put(UnitDimension d, String unit, Measure m, long amount) {
            out.get(d).computeIfAbsent(unit, k -> new Tally()).add(m, ticket.id(), amount);
        }
    }
}

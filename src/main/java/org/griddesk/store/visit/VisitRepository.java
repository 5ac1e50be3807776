package org.griddesk.store.visit;

import static org.griddesk.store.jooq.Tables.HOUSEHOLD_VISIT;
import static org.griddesk.store.jooq.Tables.REGION;
import static org.griddesk.store.jooq.Tables.SYSTEM_PROPERTY;
import static org.griddesk.store.jooq.Tables.VISIT_EVENT;
import static org.griddesk.store.jooq.Tables.VISIT_HOUSEHOLD;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.griddesk.domain.Masking;
import org.griddesk.domain.calendar.WorkCalendar;
import org.griddesk.domain.district.VisitHousehold.Category;
import org.griddesk.domain.visit.HouseholdLastVisit;
import org.griddesk.domain.visit.MajorEvent;
import org.griddesk.domain.visit.RecordedVisit;
import org.griddesk.domain.visit.VisitCoverage;
import org.griddesk.domain.visit.VisitFrequency;
import org.griddesk.domain.visit.VisitPeriod;
import org.griddesk.domain.visit.VisitSchedule;
import org.griddesk.domain.visit.VisitScope;
import org.griddesk.geo.RegionLevel;
import org.griddesk.security.PersonalField;
import org.griddesk.store.PersonalDataVault;
import org.griddesk.store.ticket.IntakeRepository;
import org.griddesk.store.ticket.Submission;
import org.jooq.CaseConditionStep;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

/// The must-visit households as the visit plans read them: each with its place on the map and its
/// latest visit, the days visited in a span, each grid's coverage for a month, and major events.
public final class VisitRepository {
    private static final org.griddesk.store.jooq.tables.Region GRID = REGION.as("vg");
    private static final org.griddesk.store.jooq.tables.Region COMMUNITY = REGION.as("vc");

    private final DSLContext dsl;

    public VisitRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /// The households of `scope`, each with its latest visit, by grid and id.
    public List<HouseholdLastVisit> lastVisits(VisitScope scope) {
        Field<LocalDate> lastDay = DSL.max(HOUSEHOLD_VISIT.VISITED_ON);
        Field<OffsetDateTime> lastAt = DSL.max(HOUSEHOLD_VISIT.VISITED_AT);
        return dsl.select(VISIT_HOUSEHOLD.ID, VISIT_HOUSEHOLD.GRID_CODE, GRID.PARENT_CODE, COMMUNITY.PARENT_CODE, VISIT_HOUSEHOLD.CATEGORY,
                        lastDay, lastAt)
                .from(VISIT_HOUSEHOLD)
                .leftJoin(GRID).on(GRID.CODE.eq(VISIT_HOUSEHOLD.GRID_CODE))
                .leftJoin(COMMUNITY).on(COMMUNITY.CODE.eq(GRID.PARENT_CODE))
                .leftJoin(HOUSEHOLD_VISIT).on(HOUSEHOLD_VISIT.HOUSEHOLD_ID.eq(VISIT_HOUSEHOLD.ID))
                .where(in(scope))
                .groupBy(VISIT_HOUSEHOLD.ID, VISIT_HOUSEHOLD.GRID_CODE, GRID.PARENT_CODE, COMMUNITY.PARENT_CODE, VISIT_HOUSEHOLD.CATEGORY)
                .orderBy(VISIT_HOUSEHOLD.GRID_CODE, VISIT_HOUSEHOLD.ID)
                .fetch(r -> new HouseholdLastVisit(r.value1(), r.value2(), r.value3(), r.value4(), Category.valueOf(r.value5()),
                        r.value6(), r.value7() == null ? null : r.value7().toInstant()));
    }

    private static Condition in(VisitScope scope) {
        return switch (scope.level()) {
            case DISTRICT -> DSL.trueCondition();
            case AREA -> COMMUNITY.PARENT_CODE.eq(scope.code());
            case COMMUNITY -> GRID.PARENT_CODE.eq(scope.code());
            case GRID -> VISIT_HOUSEHOLD.GRID_CODE.eq(scope.code());
        };
    }

    /// The days each household of the grid was visited from `first` to `last`, in order, by household id.
    public Map<String, List<LocalDate>> visitDays(String gridCode, LocalDate first, LocalDate last) {
        Map<String, List<LocalDate>> days = new HashMap<>();
        dsl.select(HOUSEHOLD_VISIT.HOUSEHOLD_ID, HOUSEHOLD_VISIT.VISITED_ON).from(HOUSEHOLD_VISIT)
                .join(VISIT_HOUSEHOLD).on(VISIT_HOUSEHOLD.ID.eq(HOUSEHOLD_VISIT.HOUSEHOLD_ID))
                .where(VISIT_HOUSEHOLD.GRID_CODE.eq(gridCode), HOUSEHOLD_VISIT.VISITED_ON.between(first, last))
                .orderBy(HOUSEHOLD_VISIT.VISITED_ON)
                .forEach(r -> days.computeIfAbsent(r.value1(), id -> new ArrayList<>()).add(r.value2()));
        return days;
    }

    /// The frequencies in force: [VisitSchedule#DEFAULT] with the store's `visits.frequency.*` system
    /// properties. Throws `IllegalArgumentException` naming a property that names no group or frequency.
    public VisitSchedule schedule() {
        Map<String, String> overrides = dsl.select(SYSTEM_PROPERTY.PROPERTY_KEY, SYSTEM_PROPERTY.PROPERTY_VALUE).from(SYSTEM_PROPERTY)
                .where(SYSTEM_PROPERTY.PROPERTY_KEY.startsWith(VisitSchedule.PROPERTY_PREFIX))
                .fetchMap(SYSTEM_PROPERTY.PROPERTY_KEY, SYSTEM_PROPERTY.PROPERTY_VALUE);
        return VisitSchedule.DEFAULT.withOverrides(overrides);
    }

    /// Every grid's coverage for `month` under `schedule` ([VisitCoverage]): three grouped queries,
    /// one row per grid each, whatever the number of households and visits.
    public Map<String, VisitCoverage> coverage(YearMonth month, VisitSchedule schedule) {
        Map<String, Integer> due = due(month, schedule);
        Map<String, Integer> made = new HashMap<>(periodsVisited(month, schedule, VisitFrequency.MONTHLY, VisitFrequency.QUARTERLY));
        weeksVisited(month, schedule).forEach((grid, weeks) -> made.merge(grid, weeks, Integer::sum));
        Map<String, VisitCoverage> coverage = new HashMap<>();
        due.forEach((grid, n) -> coverage.put(grid, new VisitCoverage(n, made.getOrDefault(grid, 0))));
        return coverage;
    }

    private Map<String, Integer> due(YearMonth month, VisitSchedule schedule) {
        CaseConditionStep<Integer> periods = null;
        for (VisitFrequency frequency : VisitFrequency.values()) {
            Set<Category> groups = schedule.groups(frequency);
            if (groups.isEmpty()) {
                continue;
            }
            Condition of = VISIT_HOUSEHOLD.CATEGORY.in(names(groups));
            Field<Integer> count = DSL.inline(frequency.periodsOverlapping(month).size());
            periods = periods == null ? DSL.when(of, count) : periods.when(of, count);
        }
        Field<java.math.BigDecimal> sum = DSL.sum(periods.otherwise(DSL.inline(0)));
        return dsl.select(VISIT_HOUSEHOLD.GRID_CODE, sum).from(VISIT_HOUSEHOLD).groupBy(VISIT_HOUSEHOLD.GRID_CODE)
                .fetchMap(r -> r.value1(), r -> r.value2().intValue());
    }

    /// Households of a once-per-month or once-per-quarter group with a visit in the month's period:
    /// one period each overlaps the month, so a household counts once.
    private Map<String, Integer> periodsVisited(YearMonth month, VisitSchedule schedule, VisitFrequency... frequencies) {
        Condition visited = DSL.falseCondition();
        for (VisitFrequency frequency : frequencies) {
            Set<Category> groups = schedule.groups(frequency);
            if (!groups.isEmpty()) {
                VisitPeriod period = frequency.periodOf(month.atDay(1));
                visited = visited.or(VISIT_HOUSEHOLD.CATEGORY.in(names(groups))
                        .and(HOUSEHOLD_VISIT.VISITED_ON.between(period.first(), period.last())));
            }
        }
        Field<Integer> households = DSL.countDistinct(HOUSEHOLD_VISIT.HOUSEHOLD_ID);
        return dsl.select(VISIT_HOUSEHOLD.GRID_CODE, households).from(HOUSEHOLD_VISIT)
                .join(VISIT_HOUSEHOLD).on(VISIT_HOUSEHOLD.ID.eq(HOUSEHOLD_VISIT.HOUSEHOLD_ID))
                .where(visited).groupBy(VISIT_HOUSEHOLD.GRID_CODE)
                .fetchMap(r -> r.value1(), r -> r.value2());
    }

    /// Weeks overlapping the month in which a household of a weekly group was visited, per grid.
    private Map<String, Integer> weeksVisited(YearMonth month, VisitSchedule schedule) {
        Set<Category> weekly = schedule.groups(VisitFrequency.WEEKLY);
        if (weekly.isEmpty()) {
            return Map.of();
        }
        List<VisitPeriod> weeks = VisitFrequency.WEEKLY.periodsOverlapping(month);
        LocalDate monday = weeks.getFirst().first();
        Field<Integer> week = DSL.localDateDiff(HOUSEHOLD_VISIT.VISITED_ON, monday).div(DSL.inline(7)).as("week");
        var visitedWeeks = dsl.selectDistinct(VISIT_HOUSEHOLD.GRID_CODE, HOUSEHOLD_VISIT.HOUSEHOLD_ID, week).from(HOUSEHOLD_VISIT)
                .join(VISIT_HOUSEHOLD).on(VISIT_HOUSEHOLD.ID.eq(HOUSEHOLD_VISIT.HOUSEHOLD_ID))
                .where(VISIT_HOUSEHOLD.CATEGORY.in(names(weekly)),
                        HOUSEHOLD_VISIT.VISITED_ON.between(monday, weeks.getLast().last()))
                .asTable("vw");
        Field<String> grid = visitedWeeks.field(VISIT_HOUSEHOLD.GRID_CODE);
        return dsl.select(grid, DSL.count()).from(visitedWeeks).groupBy(grid).fetchMap(r -> r.value1(), r -> r.value2());
    }

    private static List<String> names(Set<Category> groups) {
        return groups.stream().map(Enum::name).toList();
    }

    /// Records a visit from the app with its photos, in the transaction `tx` (the caller's, which may
    /// record the send with it); returns the visit's id. Its day is the day of `at` in Asia/Shanghai.
    public static long record(DSLContext tx, RecordedVisit visit) {
        long id = tx.insertInto(HOUSEHOLD_VISIT).set(HOUSEHOLD_VISIT.HOUSEHOLD_ID, visit.householdId())
                .set(HOUSEHOLD_VISIT.WORKER_ID, visit.workerId()).set(HOUSEHOLD_VISIT.VISITED_ON, WorkCalendar.localDate(visit.at()))
                .set(HOUSEHOLD_VISIT.VISITED_AT, utc(visit.at())).set(HOUSEHOLD_VISIT.LON, visit.lon()).set(HOUSEHOLD_VISIT.LAT, visit.lat())
                .set(HOUSEHOLD_VISIT.FINDINGS, visit.findings().stream().map(Enum::name).sorted().collect(Collectors.joining(",")))
                .set(HOUSEHOLD_VISIT.NOTE, visit.note())
                .returning(HOUSEHOLD_VISIT.ID).fetchOne().getId();
        FieldRecords.photos(tx, FieldRecords.VISIT, id, visit.photos());
        return id;
    }

    /// As [#record(DSLContext, RecordedVisit)], in a transaction of its own.
    public long record(RecordedVisit visit) {
        return dsl.transactionResult(tx -> record(tx.dsl(), visit));
    }

    /// As [#record(RecordedVisit)], with the app's send (or null) and its `answer` of the visit's id
    /// in the same transaction: a resend finds it exactly when the visit was stored.
    public long record(RecordedVisit visit, Submission send, Function<Long, String> answer) {
        return dsl.transactionResult(tx -> {
            long id = record(tx.dsl(), visit);
            String told = answer.apply(id);
            if (send != null) {
                IntakeRepository.recordSend(tx.dsl(), null, send, told);
            }
            return id;
        });
    }

    /// The visit this worker recorded to this household at this very moment, if any (the same visit sent again).
    public Optional<Long> sameVisit(String householdId, String workerId, Instant at) {
        return dsl.select(HOUSEHOLD_VISIT.ID).from(HOUSEHOLD_VISIT)
                .where(HOUSEHOLD_VISIT.HOUSEHOLD_ID.eq(householdId), HOUSEHOLD_VISIT.WORKER_ID.eq(workerId),
                        HOUSEHOLD_VISIT.VISITED_AT.eq(utc(at)))
                .limit(1).fetchOptional(r -> r.value1());
    }

    /// Records a major event; returns it with its id.
    public MajorEvent declare(String regionCode, String title, String declaredBy, Instant at) {
        Instant due = at.plus(MajorEvent.WINDOW);
        long id = dsl.insertInto(VISIT_EVENT).set(VISIT_EVENT.REGION_CODE, regionCode).set(VISIT_EVENT.TITLE, title)
                .set(VISIT_EVENT.DECLARED_BY, declaredBy).set(VISIT_EVENT.DECLARED_AT, utc(at)).set(VISIT_EVENT.DUE_AT, utc(due))
                .returning(VISIT_EVENT.ID).fetchOne().getId();
        return new MajorEvent(id, regionCode, title, declaredBy, at, due);
    }

    /// The major events declared at or after `since`, oldest first.
    public List<MajorEvent> eventsSince(Instant since) {
        return dsl.selectFrom(VISIT_EVENT).where(VISIT_EVENT.DECLARED_AT.ge(utc(since))).orderBy(VISIT_EVENT.DECLARED_AT, VISIT_EVENT.ID)
                .fetch(r -> new MajorEvent(r.getId(), r.getRegionCode(), r.getTitle(), r.getDeclaredBy(), r.getDeclaredAt().toInstant(),
                        r.getDueAt().toInstant()));
    }

    /// The level of a region of the current map (empty for an unknown or retired code).
    public Optional<RegionLevel> liveRegionLevel(String code) {
        return dsl.select(REGION.REGION_LEVEL).from(REGION).where(REGION.CODE.eq(code), REGION.RETIRED_AT.isNull())
                .fetchOptional(r -> RegionLevel.valueOf(r.value1()));
    }

    /// The town (AREA) a live community or grid lies in (empty for an unknown or retired code, or another level).
    public Optional<String> areaOf(String code) {
        var region = REGION.as("r");
        var parent = REGION.as("p");
        return dsl.select(region.REGION_LEVEL, region.PARENT_CODE, parent.PARENT_CODE).from(region)
                .leftJoin(parent).on(parent.CODE.eq(region.PARENT_CODE))
                .where(region.CODE.eq(code), region.RETIRED_AT.isNull())
                .fetchOptional(r -> switch (r.value1()) {
                    case "COMMUNITY" -> r.value2();
                    case "GRID" -> r.value3();
                    default -> null;
                });
    }

    /// The household heads' names masked as the desk shows them (张*华), by household id; "" for a
    /// name this desk cannot open (no data key). Nothing unmasked leaves this method.
    public Map<String, String> maskedNames(Collection<String> householdIds) {
        Map<String, String> masked = new HashMap<>();
        PersonalDataVault vault = PersonalDataVault.of(dsl);
        List<String> ids = List.copyOf(new LinkedHashSet<>(householdIds));
        for (int from = 0; from < ids.size(); from += 1000) {
            dsl.select(VISIT_HOUSEHOLD.ID, VISIT_HOUSEHOLD.HEAD_NAME).from(VISIT_HOUSEHOLD)
                    .where(VISIT_HOUSEHOLD.ID.in(ids.subList(from, Math.min(ids.size(), from + 1000))))
                    .forEach(r -> {
                        String name = vault.open(PersonalField.HOUSEHOLD_NAME, r.value2()).textOrNull();
                        masked.put(r.value1(), name == null ? "" : Masking.name(name));
                    });
        }
        return masked;
    }

    /// The names of the current map's towns, communities and grids, by code (a list's labels).
    public Map<String, String> regionNames() {
        return dsl.select(REGION.CODE, REGION.NAME).from(REGION).where(REGION.RETIRED_AT.isNull())
                .fetchMap(r -> r.value1(), r -> r.value2());
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}

package org.griddesk.store.visit;

import static org.griddesk.store.jooq.Tables.FIELD_CHECK;
import static org.griddesk.store.jooq.Tables.FIELD_PHOTO;
import static org.griddesk.store.jooq.Tables.HOUSEHOLD_VISIT;
import static org.griddesk.store.jooq.Tables.TICKET;
import static org.griddesk.store.jooq.Tables.VISIT_HOUSEHOLD;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.griddesk.domain.calendar.WorkCalendar;
import org.griddesk.domain.district.VisitHousehold.Category;
import org.griddesk.domain.ticket.Channel;
import org.griddesk.domain.ticket.TicketState;
import org.griddesk.domain.visit.FieldCheck;
import org.griddesk.domain.visit.VisitFinding;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/// What the worker of a grid did on one day (Beijing time), as the store holds it: the must-visit
/// visits to the grid's households, the verifications and on-site checks of the grid's tickets, the
/// events reported from 网格通 in the grid, and the photos of a visit or a check.
public final class WorkerDayRecords {
    /// A visit: `at` is null for a visit recorded with its day only (the demo's history).
    public record DayVisit(long id, String householdId, Category category, String workerId, LocalDate day, Instant at,
                           Double lon, Double lat, Set<VisitFinding> findings, String note, int photos) {
    }

    /// A verification (核实) or an on-site check (核查) of a ticket of the grid.
    public record DayCheck(long id, FieldCheck.Kind kind, long ticketId, String ticketCode, String workerId, boolean outcome,
                           Instant at, Double lon, Double lat, String note, boolean applied, int photos) {
    }

    /// An event the grid's worker reported from the app (channel GRID_APP), with where it stands now.
    public record DayReport(long ticketId, String code, Instant reportedAt, String summary, TicketState state) {
    }

    /// A photo of a visit or a check, as the app sent it (its type checked by its bytes on the way in).
    public record Photo(String fileName, String mediaType, byte[] content) {
    }

    private final DSLContext dsl;

    public WorkerDayRecords(DSLContext dsl) {
        this.dsl = dsl;
    }

    /// The visits of `day` to the must-visit households of the grid, in the order they were made.
    public List<DayVisit> visits(String gridCode, LocalDate day) {
        List<DayVisit> visits = dsl.select(HOUSEHOLD_VISIT.ID, HOUSEHOLD_VISIT.HOUSEHOLD_ID, VISIT_HOUSEHOLD.CATEGORY,
                        HOUSEHOLD_VISIT.WORKER_ID, HOUSEHOLD_VISIT.VISITED_ON, HOUSEHOLD_VISIT.VISITED_AT, HOUSEHOLD_VISIT.LON,
                        HOUSEHOLD_VISIT.LAT, HOUSEHOLD_VISIT.FINDINGS, HOUSEHOLD_VISIT.NOTE)
                .from(HOUSEHOLD_VISIT).join(VISIT_HOUSEHOLD).on(VISIT_HOUSEHOLD.ID.eq(HOUSEHOLD_VISIT.HOUSEHOLD_ID))
                .where(VISIT_HOUSEHOLD.GRID_CODE.eq(gridCode), HOUSEHOLD_VISIT.VISITED_ON.eq(day))
                .orderBy(HOUSEHOLD_VISIT.VISITED_AT.asc().nullsFirst(), HOUSEHOLD_VISIT.ID)
                .fetch(r -> new DayVisit(r.value1(), r.value2(), Category.valueOf(r.value3()), r.value4(), r.value5(),
                        instant(r.value6()), r.value7(), r.value8(), findings(r.value9()), r.value10(), 0));
        Map<Long, Integer> photos = photoCounts(FieldRecords.VISIT, visits.stream().map(DayVisit::id).toList());
        return visits.stream().map(v -> new DayVisit(v.id(), v.householdId(), v.category(), v.workerId(), v.day(), v.at(), v.lon(),
                v.lat(), v.findings(), v.note(), photos.getOrDefault(v.id(), 0))).toList();
    }

    /// The verifications and checks made on `day` of the grid's tickets, in time order.
    public List<DayCheck> checks(String gridCode, LocalDate day) {
        List<DayCheck> checks = dsl.select(FIELD_CHECK.ID, FIELD_CHECK.CHECK_KIND, FIELD_CHECK.TICKET_ID, TICKET.CODE,
                        FIELD_CHECK.WORKER_ID, FIELD_CHECK.OUTCOME, FIELD_CHECK.CHECKED_AT, FIELD_CHECK.LON, FIELD_CHECK.LAT,
                        FIELD_CHECK.NOTE, FIELD_CHECK.APPLIED)
                .from(FIELD_CHECK).join(TICKET).on(TICKET.ID.eq(FIELD_CHECK.TICKET_ID))
                .where(TICKET.GRID_CODE.eq(gridCode), FIELD_CHECK.CHECKED_AT.ge(start(day)), FIELD_CHECK.CHECKED_AT.lt(start(day.plusDays(1))))
                .orderBy(FIELD_CHECK.CHECKED_AT, FIELD_CHECK.ID)
                .fetch(r -> new DayCheck(r.value1(), FieldCheck.Kind.valueOf(r.value2()), r.value3(), r.value4(), r.value5(),
                        r.value6(), instant(r.value7()), r.value8(), r.value9(), r.value10(), r.value11(), 0));
        Map<Long, Integer> photos = photoCounts(FieldRecords.CHECK, checks.stream().map(DayCheck::id).toList());
        return checks.stream().map(c -> new DayCheck(c.id(), c.kind(), c.ticketId(), c.ticketCode(), c.workerId(), c.outcome(), c.at(),
                c.lon(), c.lat(), c.note(), c.applied(), photos.getOrDefault(c.id(), 0))).toList();
    }

    /// The events reported from the workers' app in the grid on `day`, in time order.
    public List<DayReport> reports(String gridCode, LocalDate day) {
        return dsl.select(TICKET.ID, TICKET.CODE, TICKET.REPORTED_AT, TICKET.SUMMARY, TICKET.STATE).from(TICKET)
                .where(TICKET.GRID_CODE.eq(gridCode), TICKET.CHANNEL.eq(Channel.GRID_APP.name()),
                        TICKET.REPORTED_AT.ge(start(day)), TICKET.REPORTED_AT.lt(start(day.plusDays(1))))
                .orderBy(TICKET.REPORTED_AT, TICKET.ID)
                .fetch(r -> new DayReport(r.value1(), r.value2(), instant(r.value3()), r.value4(), TicketState.valueOf(r.value5())));
    }

    /// The photos of a visit (`ofVisit`) or of a check, in the order they were sent.
    public List<Photo> photos(boolean ofVisit, long id) {
        return dsl.select(FIELD_PHOTO.FILE_NAME, FIELD_PHOTO.MEDIA_TYPE, FIELD_PHOTO.CONTENT).from(FIELD_PHOTO)
                .where(FIELD_PHOTO.RECORD_KIND.eq(ofVisit ? FieldRecords.VISIT : FieldRecords.CHECK), FIELD_PHOTO.RECORD_ID.eq(id))
                .orderBy(FIELD_PHOTO.SEQ)
                .fetch(r -> new Photo(r.value1(), r.value2(), r.value3()));
    }

    private Map<Long, Integer> photoCounts(String kind, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return dsl.select(FIELD_PHOTO.RECORD_ID, DSL.count()).from(FIELD_PHOTO)
                .where(FIELD_PHOTO.RECORD_KIND.eq(kind), FIELD_PHOTO.RECORD_ID.in(ids))
                .groupBy(FIELD_PHOTO.RECORD_ID).fetchMap(r -> r.value1(), r -> r.value2());
    }

    private static OffsetDateTime start(LocalDate day) {
        return VisitRepository.utc(day.atStartOfDay(WorkCalendar.ZONE).toInstant());
    }

    private static Instant instant(OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }

    private static Set<VisitFinding> findings(String codes) {
        Set<VisitFinding> findings = EnumSet.noneOf(VisitFinding.class);
        if (codes != null && !codes.isBlank()) {
            Arrays.stream(codes.split(",")).map(String::strip).forEach(code -> findings.add(VisitFinding.valueOf(code)));
        }
        return findings;
    }
}

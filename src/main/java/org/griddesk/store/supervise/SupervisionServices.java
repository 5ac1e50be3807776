package org.griddesk.store.supervise;

import java.time.Clock;
import org.griddesk.domain.ShiftSchedule;
import org.griddesk.domain.calendar.WorkCalendar;
import org.griddesk.domain.org.Organisation;
import org.griddesk.domain.ticket.LifecycleRules;
import org.griddesk.domain.ticket.TicketLifecycle;
import org.griddesk.security.AuditRetention;
import org.griddesk.store.Database;
import org.griddesk.store.calendar.CalendarRepository;
import org.griddesk.store.district.DistrictRepository;
import org.griddesk.store.security.AuditLog;
import org.griddesk.store.ticket.TicketService;

/// The consultation and hand-over services on one store, with the district's organisation and
/// working calendar read from it (once, when made: make them after the district is loaded).
public record SupervisionServices(ConsultationService consultations, HandoverService handovers, Organisation organisation) {
    public static SupervisionServices open(Database db, ShiftSchedule shifts, Clock clock) {
        Organisation organisation = new DistrictRepository(db.dsl()).organisation();
        WorkCalendar calendar = new CalendarRepository(db.dsl(), clock).workCalendar();
        AuditLog audit = new AuditLog(db.dsl(), clock, AuditRetention.fromSystemProperty());
        TicketService tickets = new TicketService(db.dsl(), new TicketLifecycle(calendar, organisation, LifecycleRules.DEFAULT), clock);
        return new SupervisionServices(new ConsultationService(db.dsl(), tickets, organisation, calendar, audit, clock),
                new HandoverService(db.dsl(), organisation, shifts, audit, clock), organisation);
    }
}

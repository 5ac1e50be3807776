package org.griddesk.desk.detail;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.griddesk.desk.queue.BreachForecast;
import org.griddesk.desk.queue.QueueLoader;
import org.griddesk.domain.calendar.WorkCalendar;
import org.griddesk.domain.org.Organisation;
import org.griddesk.domain.taxonomy.Item;
import org.griddesk.domain.taxonomy.Taxonomy;
import org.griddesk.domain.ticket.IntakeDetail;
import org.griddesk.domain.ticket.Ticket;
import org.griddesk.domain.ticket.TicketTiming;
import org.griddesk.domain.ticket.TimingPolicies;
import org.griddesk.map.MapModel;
import org.griddesk.store.ticket.IntakeRepository;
import org.griddesk.store.ticket.TicketRepository;

/// Reads one ticket for the detail pane (off the FX thread): the ticket, its trail, what the
/// gateway kept with it, how its steps stand, and the names to show.
public final class TicketDetailLoader {
    static final Duration REPEAT_CALLS_WINDOW = Duration.ofDays(90);

    private final TicketRepository tickets;
    private final IntakeRepository intakes;
    private final Map<String, Item> items;
    private final Map<String, String> unitNames = new HashMap<>();
    private final WorkCalendar calendar;
    private final MapModel map;
    private final TimingPolicies policies;
    private final BreachForecast forecast;

    public TicketDetailLoader(TicketRepository tickets, IntakeRepository intakes, Taxonomy taxonomy, Organisation organisation,
                              WorkCalendar calendar, MapModel map) {
        this(tickets, intakes, taxonomy, organisation, calendar, map, TimingPolicies.DEFAULT);
    }

    /// `policies`: the timing policies each ticket is timed by, per its report time
    public TicketDetailLoader(TicketRepository tickets, IntakeRepository intakes, Taxonomy taxonomy, Organisation organisation,
                              WorkCalendar calendar, MapModel map, TimingPolicies policies) {
        this(tickets, intakes, taxonomy, organisation, calendar, map, policies, BreachForecast.none());
    }

    /// `forecast`: the learnt chance of missing the deadline (the queue's)
    public TicketDetailLoader(TicketRepository tickets, IntakeRepository intakes, Taxonomy taxonomy, Organisation organisation,
                              WorkCalendar calendar, MapModel map, TimingPolicies policies, BreachForecast forecast) {
        this.policies = policies;
        this.forecast = forecast;
        this.tickets = tickets;
        this.intakes = intakes;
        this.items = taxonomy.itemsByCode();
        organisation.units().forEach(u -> unitNames.put(u.id(), u.name()));
        this.calendar = calendar;
        this.map = map;
    }

    /// The ticket with this code, if there is one; else, when the text is a phone number in any
    /// spelling (`139 8765 4321`, `+86 13987654321`), that phone's newest ticket, found by the
    /// phone's blind index (the phone itself is sealed in the store).
    public Optional<TicketDetail> find(String code, Instant now) {
        Optional<TicketDetail> byCode = tickets.findByCode(code).map(t -> load(t.id(), now));
        if (byCode.isPresent() || !PHONE.matcher(code.strip()).matches()) {
            return byCode;
        }
        return tickets.codesByPhone(code, 1).stream().findFirst().flatMap(tickets::findByCode).map(t -> load(t.id(), now));
    }

    /// what the command bar takes for a phone: digits with spaces, dashes, brackets and a leading +
    private static final Pattern PHONE = Pattern.compile("\\+?[\\d ()-]{7,24}");

    public TicketDetail load(long ticketId, Instant now) {
        Ticket t = tickets.get(ticketId);
        IntakeDetail detail = intakes.detail(ticketId).orElse(IntakeDetail.NONE);
        String itemCode = t.deadline() != null ? t.deadline().itemCode() : detail.itemHint();
        Item item = itemCode == null ? null : items.get(itemCode);
        // a caller this desk cannot open (no data key) has no phone to count by
        int calls = t.intake().caller() == null || !t.intake().caller().readable() ? 0
                : tickets.callsFrom(t.intake().caller().phone(), now.minus(REPEAT_CALLS_WINDOW));
        return new TicketDetail(t, tickets.trail(ticketId), detail, intakes.suggestions(ticketId), intakes.alarms(ticketId),
                TicketTiming.of(t, now, calendar, policies.at(t.intake().reportedAt())), item == null ? "" : item.name(), QueueLoader.place(map, t.intake().gridCode(), true),
                Map.copyOf(unitNames), calls, forecast.chance(t, now));
    }
}

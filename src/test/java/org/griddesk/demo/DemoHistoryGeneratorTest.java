package org.griddesk.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.griddesk.domain.calendar.WorkCalendar;
import org.griddesk.domain.ticket.Channel;
import org.griddesk.domain.ticket.RecordedEvent;
import org.griddesk.domain.ticket.Ticket;
import org.griddesk.domain.ticket.TicketEvolution;
import org.griddesk.domain.ticket.TicketState;
import org.griddesk.store.ticket.TicketHistoryWriter.History;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DemoHistoryGeneratorTest {
    static final Instant NOW = Instant.parse("2026-11-26T06:00:00Z");
    private static List<History> histories;
    private static DemoHistoryGenerator generator;

    @BeforeAll
    static void generate() {
        DemoDistrictData district = new DemoDistrictGenerator(DemoDistrictGenerator.DEFAULT_SEED).generate();
        generator = new DemoHistoryGenerator(district, DemoDistrictGenerator.DEFAULT_SEED);
        histories = generator.generate(120, NOW);
    }

    @Test
    void aboutAHundredTicketsAWorkingDayWithFewerOnHolidays() {
        assertThat(histories.size()).isBetween(9_000, 13_000); // 120 days, two years would be about 76,000
        Map<LocalDate, Long> perDay = histories.stream().collect(Collectors.groupingBy(
                h -> WorkCalendar.localDate(h.ticket().intake().reportedAt()), Collectors.counting()));
        double nationalDay = perDay.getOrDefault(LocalDate.parse("2026-10-03"), 0L);
        double ordinaryTuesday = perDay.getOrDefault(LocalDate.parse("2026-10-13"), 0L);
        assertThat(nationalDay).isLessThan(ordinaryTuesday * 0.7);
    }

    @Test
    void everyTrailIsOneTheRulesAllowedAndRebuildsItsTicket() {
        assertThat(generator.refusals()).as("steps the rules refused").isLessThan(histories.size() / 100);
        for (History h : histories) {
            List<RecordedEvent> trail = h.trail().stream().map(t -> t.toRecord()).toList();
            Ticket rebuilt = TicketEvolution.replay(h.ticket().id(), h.ticket().code(), trail);
            assertThat(rebuilt).isEqualTo(h.ticket());
        }
        assertThat(histories).extracting(h -> h.ticket().code()).doesNotHaveDuplicates();
    }

    @Test
    void theHotlineBringsAboutHalfAndOpenWorkIsInEveryState() {
        long hotline = histories.stream().filter(h -> h.ticket().intake().channel() == Channel.HOTLINE_8890).count();
        assertThat((double) hotline / histories.size()).isBetween(0.45, 0.55);
        Set<TicketState> open = histories.stream().map(h -> h.ticket().state()).filter(s -> !s.isTerminal())
                .collect(Collectors.toSet());
        assertThat(open).contains(TicketState.REPORTED, TicketState.ACCEPTED, TicketState.DISPATCHED,
                TicketState.IN_PROGRESS, TicketState.HANDLED, TicketState.VERIFIED, TicketState.CALLBACK);
        Set<TicketState> all = histories.stream().map(h -> h.ticket().state()).collect(Collectors.toSet());
        assertThat(all).contains(TicketState.CLOSED, TicketState.MERGED, TicketState.REJECTED);
        assertThat(histories).anyMatch(h -> !h.ticket().whistles().isEmpty());
        assertThat(histories).anyMatch(h -> !h.ticket().watchingUnitIds().isEmpty());
        assertThat(histories).anyMatch(h -> !h.ticket().extensions().isEmpty());
        assertThat(histories).anyMatch(h -> h.ticket().round() > 1);
        long overdueOpen = histories.stream().filter(h -> !h.ticket().state().isTerminal() && h.ticket().deadline() != null
                && h.ticket().deadline().dueAt().isBefore(NOW) && h.ticket().milestones().handledAt() == null).count();
        assertThat(overdueOpen).isPositive();
        // a ticket with a long statutory deadline, handled late, may reach its callback more than 40 days after it was
        // reported: what must not happen is a callback waiting for months after the work was verified
        assertThat(histories).as("no callback is left waiting for months").noneMatch(h -> h.ticket().state() == TicketState.CALLBACK
                && h.ticket().milestones().verifiedAt() != null && h.ticket().milestones().verifiedAt().isBefore(NOW.minus(Duration.ofDays(40))));
    }

    @Test
    void aboutOneDispatchedTicketInFourteenIsLateAndBusierSlowerTeamsMissMore() {
        List<org.griddesk.learn.BreachCase> cases = histories.stream().map(h -> org.griddesk.learn.BreachCase.of(h.trail()))
                .filter(java.util.Objects::nonNull).filter(c -> c.missed(NOW) != null).toList();
        double late = cases.stream().filter(c -> c.missed(NOW)).count() / (double) cases.size();
        assertThat(late).as("share of dispatched tickets handled late").isBetween(0.05, 0.10);
        // the teams' own pace shows: the slowest fifth of teams misses clearly more than the fastest fifth
        var byTeam = cases.stream().collect(java.util.stream.Collectors.groupingBy(org.griddesk.learn.BreachCase::teamId));
        List<Double> rates = byTeam.values().stream().filter(l -> l.size() >= 40)
                .map(l -> l.stream().filter(c -> c.missed(NOW)).count() / (double) l.size()).sorted().toList();
        int fifth = Math.max(1, rates.size() / 5);
        double fastest = rates.subList(0, fifth).stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double slowest = rates.subList(rates.size() - fifth, rates.size()).stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        assertThat(slowest).isGreaterThan(fastest * 2);
    }

    @Test
    void citizensCallWithTheirPhoneAndSomeCallAgainAndAgainAboutHome() {
        List<Ticket> citizens = histories.stream().map(History::ticket).filter(t -> t.intake().caller() != null).toList();
        assertThat(citizens).allMatch(t -> t.intake().channel() == Channel.HOTLINE_8890
                || t.intake().channel() == Channel.GOVERNANCE_PLATFORM);
        assertThat((double) citizens.size() / histories.size()).as("8890 and 津治通 bring about 60 %").isBetween(0.55, 0.65);

        Map<String, List<Ticket>> byPhone = citizens.stream().collect(Collectors.groupingBy(t -> t.intake().caller().phone()));
        List<List<Ticket>> repeat = byPhone.values().stream().filter(calls -> calls.size() >= 5).toList();
        assertThat(repeat).as("repeat callers over 120 days").hasSizeBetween(20, 240);
        List<Ticket> busiest = repeat.stream().max(Comparator.comparingInt(List::size)).orElseThrow();
        assertThat(busiest.size()).isGreaterThanOrEqualTo(15);
        long fromHome = busiest.stream().map(t -> t.intake().gridCode()).filter(busiest.getFirst().intake().gridCode()::equals).count();
        assertThat(fromHome).as("a repeat caller calls from home").isEqualTo(busiest.size());
        assertThat(busiest.getFirst().intake().caller().toString()).doesNotContain(busiest.getFirst().intake().caller().phone());
    }
}

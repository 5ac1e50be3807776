package org.griddesk.learn;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.griddesk.domain.ticket.Channel;
import org.griddesk.domain.ticket.DeadlinePolicy;
import org.griddesk.domain.ticket.TicketEvent;
import org.junit.jupiter.api.Test;

/// A case as the model learns it from a trail: nothing after the moment it is judged at is looked
/// at, the deadline is the one in force at each moment, and a ticket its team gave up has no outcome.
class BreachCaseTest {
    private static final Instant ACCEPTED = Instant.parse("2026-06-01T01:00:00Z");
    private static final Instant DUE = ACCEPTED.plus(Duration.ofDays(7));
    private static final BreachCase.Known KNOWN = new BreachCase.Known(7, "07-01-001", "XSG", Channel.HOTLINE_8890, ACCEPTED,
            DUE.plus(Duration.ofDays(3)));

    private static List<BreachCase.Step> trail(Object... atAndEvent) {
        List<BreachCase.Step> steps = new ArrayList<>();
        steps.add(new BreachCase.Step(ACCEPTED, new TicketEvent.Accepted("07-01-001", DeadlinePolicy.general(), false, DUE)));
        for (int i = 0; i < atAndEvent.length; i += 2) {
            steps.add(new BreachCase.Step(ACCEPTED.plus((Duration) atAndEvent[i]), (TicketEvent) atAndEvent[i + 1]));
        }
        return steps;
    }

    @Test
    void anExtensionMovesTheDeadlineFromTheMomentItWasGranted() {
        BreachCase c = BreachCase.of(KNOWN, trail(Duration.ofHours(1), new TicketEvent.Dispatched("XSG-CG"),
                Duration.ofDays(5), new TicketEvent.ExtensionApproved(1, DUE.plus(Duration.ofDays(3)), true, ""),
                Duration.ofDays(9), new TicketEvent.Handled("已处理", List.of())));
        assertThat(c.dueAt(ACCEPTED.plus(Duration.ofDays(2)))).as("before the extension").isEqualTo(DUE);
        assertThat(c.dueAt(ACCEPTED.plus(Duration.ofDays(6)))).isEqualTo(DUE.plus(Duration.ofDays(3)));
        assertThat(c.missed(ACCEPTED.plus(Duration.ofDays(20)))).as("handled within the extended deadline").isFalse();
        // judged a day after the first deadline, before the handling: late as it stood then? no: extended by then
        assertThat(c.missed(ACCEPTED.plus(Duration.ofDays(8)))).as("not handled yet, not past the deadline in force").isNull();
        assertThat(BreachTrainer.examples(List.of(c), ACCEPTED.plus(Duration.ofDays(20)), d -> false))
                .allSatisfy(e -> assertThat(e.snapshot().hoursLeft()).isPositive());
    }

    @Test
    void aHandlingAfterTheMomentJudgedIsNotKnownThen() {
        BreachCase c = BreachCase.of(KNOWN, trail(Duration.ofHours(1), new TicketEvent.Dispatched("XSG-CG"),
                Duration.ofDays(8), new TicketEvent.Handled("已处理", List.of())));
        assertThat(c.missed(ACCEPTED.plus(Duration.ofDays(9)))).isTrue();
        assertThat(c.missed(ACCEPTED.plus(Duration.ofDays(6)))).as("open and not yet due then").isNull();
        Instant cut = ACCEPTED.plus(Duration.ofDays(7).plusHours(12));
        assertThat(c.missed(cut)).as("past its deadline then, not handled then").isTrue();
        assertThat(BreachTrainer.examples(List.of(c), cut, d -> false)).as("moments only before the cut")
                .hasSize(BreachTrainer.MOMENTS_PER_CASE);
    }

    @Test
    void aTicketItsTeamGaveUpHasNoOutcomeAndLeavesTheTeamsLoad() {
        BreachCase returned = BreachCase.of(KNOWN, trail(Duration.ofHours(1), new TicketEvent.Dispatched("XSG-CG"),
                Duration.ofDays(1), new TicketEvent.Returned("XSG-CG", "不属本队")));
        assertThat(returned.leftAt()).isEqualTo(ACCEPTED.plus(Duration.ofDays(1)));
        assertThat(returned.returnedAt()).hasSize(1);
        assertThat(returned.missed(ACCEPTED.plus(Duration.ofDays(30)))).as("never handled by it: no outcome").isNull();
        var load = BreachTrainer.TeamLoad.of(List.of(returned), ACCEPTED.plus(Duration.ofDays(30)));
        assertThat(load.at("XSG-CG", ACCEPTED.plus(Duration.ofHours(12)))).isEqualTo(1);
        assertThat(load.at("XSG-CG", ACCEPTED.plus(Duration.ofDays(2)))).as("given back: no longer in hand").isZero();

        BreachCase again = BreachCase.of(KNOWN, trail(Duration.ofHours(1), new TicketEvent.Dispatched("XSG-CG"),
                Duration.ofDays(1), new TicketEvent.Returned("XSG-CG", "不属本队"),
                Duration.ofDays(1).plusHours(1), new TicketEvent.Dispatched("XSG-HW"),
                Duration.ofDays(3), new TicketEvent.Handled("已处理", List.of())));
        assertThat(again.teamId()).as("judged with its last team").isEqualTo("XSG-HW");
        assertThat(again.leftAt()).isNull();
        assertThat(again.missed(ACCEPTED.plus(Duration.ofDays(30)))).isFalse();
        assertThat(again.returnedAt()).hasSize(1);
    }
}

package org.griddesk.desk.district;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.griddesk.domain.ticket.TicketState;
import org.griddesk.domain.ticket.TimingPolicy;
import org.griddesk.map.TicketMarker.Urgency;
import org.griddesk.store.ticket.TicketRepository.OpenTicket;
import org.junit.jupiter.api.Test;

class MapModelLoaderTest {
    private static final Instant REPORTED = Instant.parse("2026-11-26T01:00:00Z");
    private static final Instant ACCEPTED = REPORTED.plusSeconds(600);
    private static final Instant DUE = ACCEPTED.plusSeconds(10 * 3600);

    private static OpenTicket ticket(TicketState state, String deadlineClass) {
        return new OpenTicket(1, "2611-0001", "XSG-001-01", "HOTLINE_8890", state, deadlineClass, REPORTED,
                state == TicketState.REPORTED ? null : ACCEPTED, state == TicketState.REPORTED ? null : DUE);
    }

    @Test
    void aMarkerSaysWhetherTheStepTheTicketIsInIsLateOrClose() {
        // not accepted within 30 minutes
        assertThat(MapModelLoader.urgency(ticket(TicketState.REPORTED, null), REPORTED.plusSeconds(20 * 60), TimingPolicy.DEFAULT)).isEqualTo(Urgency.NORMAL);
        assertThat(MapModelLoader.urgency(ticket(TicketState.REPORTED, null), REPORTED.plusSeconds(26 * 60), TimingPolicy.DEFAULT)).isEqualTo(Urgency.AT_RISK);
        assertThat(MapModelLoader.urgency(ticket(TicketState.REPORTED, null), REPORTED.plusSeconds(31 * 60), TimingPolicy.DEFAULT)).isEqualTo(Urgency.OVERDUE);
        // being handled: the last fifth of its time is at risk, past the deadline overdue
        assertThat(MapModelLoader.urgency(ticket(TicketState.IN_PROGRESS, "GENERAL"), DUE.minusSeconds(3 * 3600), TimingPolicy.DEFAULT)).isEqualTo(Urgency.NORMAL);
        assertThat(MapModelLoader.urgency(ticket(TicketState.IN_PROGRESS, "URGENT"), DUE.minusSeconds(3 * 3600), TimingPolicy.DEFAULT)).isEqualTo(Urgency.URGENT);
        assertThat(MapModelLoader.urgency(ticket(TicketState.DISPATCHED, "GENERAL"), DUE.minusSeconds(3600), TimingPolicy.DEFAULT)).isEqualTo(Urgency.AT_RISK);
        assertThat(MapModelLoader.urgency(ticket(TicketState.IN_PROGRESS, "GENERAL"), DUE.plusSeconds(1), TimingPolicy.DEFAULT)).isEqualTo(Urgency.OVERDUE);
        // handled, waiting for verification or the callback: no longer racing the deadline
        assertThat(MapModelLoader.urgency(ticket(TicketState.CALLBACK, "GENERAL"), DUE.plusSeconds(86_400), TimingPolicy.DEFAULT)).isEqualTo(Urgency.NORMAL);
    }
}

package org.griddesk.domain.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/// A ticket is timed by the policy in force when it was reported.
class TimingPoliciesTest {
    private static final Instant CHANGED = Instant.parse("2026-11-27T01:30:00Z");
    private static final TimingPolicy SHORT = new TimingPolicy(Duration.ofMinutes(10), Duration.ofMinutes(30), 1, 0.5);

    @Test
    void theNewPolicyTimesTicketsReportedFromItsStartAndTheOldOneThoseBefore() {
        TimingPolicies p = TimingPolicies.DEFAULT.from(CHANGED, SHORT);
        assertThat(p.at(CHANGED.minusSeconds(1))).isEqualTo(TimingPolicy.DEFAULT);
        assertThat(p.at(CHANGED)).isEqualTo(SHORT);
        assertThat(p.current()).isEqualTo(SHORT);
        assertThat(p.from(CHANGED.plusSeconds(60), SHORT)).as("the same policy again changes nothing").isSameAs(p);

        // the same ticket states, timed at the same moment: at risk under the new policy only
        Instant reported = CHANGED.plusSeconds(60);
        Instant now = reported.plus(Duration.ofMinutes(6));
        assertThat(NextDeadline.of(TicketState.REPORTED, reported, null, null, now, p.at(reported)).atRisk()).isTrue();
        Instant earlier = CHANGED.minus(Duration.ofMinutes(1));
        assertThat(NextDeadline.of(TicketState.REPORTED, earlier, null, null, earlier.plus(Duration.ofMinutes(6)), p.at(earlier))
                .status()).isEqualTo(TicketTiming.Status.ON_TIME);
    }

    @Test
    void aPolicyOutsideItsLimitsCannotBeMade() {
        assertThatThrownBy(() -> new TimingPolicy(Duration.ZERO, Duration.ofHours(2), 1, 0.2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TimingPolicy(Duration.ofMinutes(30), Duration.ofDays(8), 1, 0.2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TimingPolicy(Duration.ofMinutes(30), Duration.ofHours(2), 0, 0.2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TimingPolicy(Duration.ofMinutes(30), Duration.ofHours(2), 1, 0.95)).isInstanceOf(IllegalArgumentException.class);
        assertThat(TimingPolicy.DEFAULT.atRiskPercent()).isEqualTo(20);
    }
}

package org.griddesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Set;
import org.griddesk.domain.org.Role;
import org.griddesk.testsupport.LifecycleFixture;
import org.junit.jupiter.api.Test;

/// Who sees which tickets behind a figure: a town's staff their own town's, the district centre's
/// staff every town's, the district manager everything, a team or a wall nothing.
class TicketScopeTest {
    private static Session of(String unit, Role role) {
        return new Session("u-" + unit, "u", "某人", unit, Set.of(role), Instant.EPOCH, Workstation.local());
    }

    private static TicketScope scope(String unit, Role role) {
        return TicketScope.of(of(unit, role), LifecycleFixture.ORGANISATION);
    }

    @Test
    void aTownSeesItsOwnTicketsAndTheDistrictSeesEveryTowns() {
        TicketScope gegu = scope("JN-GG", Role.SUPERVISOR);
        assertThat(gegu.covers("JN-GG")).isTrue();
        assertThat(gegu.covers("JN-XSG")).as("another town's").isFalse();
        assertThat(gegu.covers("JN")).as("handed up to the district").isFalse();
        assertThat(gegu.covers(null)).isFalse();

        TicketScope district = scope("JN", Role.SUPERVISOR);
        assertThat(district.covers("JN-GG")).isTrue();
        assertThat(district.covers("JN-XSG")).isTrue();
        assertThat(district.covers("JN")).isTrue();

        assertThat(scope("JN-XSG", Role.DISTRICT_MANAGER).covers("JN-GG")).as("DISTRICT_READ reads every ticket").isTrue();
        assertThat(scope("JN-XSG-CG", Role.HANDLER).covers("JN-XSG")).as("a team is no centre").isFalse();
        assertThat(TicketScope.NONE.covers("JN-GG")).isFalse();
    }
}

package org.griddesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import org.griddesk.domain.org.Permission;
import org.griddesk.domain.org.Permissions;
import org.griddesk.domain.org.Role;
import org.junit.jupiter.api.Test;

class RoleRulesTest {
    @Test
    void noAccountHoldsTwoOfTheThreeAdministrators() {
        for (Role a : Role.ADMINISTRATORS) {
            for (Role b : Role.ADMINISTRATORS) {
                if (a != b) {
                    assertThat(RoleRules.refusal(EnumSet.of(a, b))).contains("roles.twoAdministrators");
                }
            }
            assertThat(RoleRules.refusal(EnumSet.of(a))).isEmpty();
        }
    }

    @Test
    void noAdministratorHoldsARoleWithATicketActionAndThatIsReadFromThePermissionTable() {
        for (Role administrator : Role.ADMINISTRATORS) {
            for (Role other : Role.PERSONAL) {
                if (other.isAdministrator()) {
                    continue;
                }
                boolean handles = Permissions.of(other).stream().anyMatch(p -> p.name().startsWith("TICKET_"));
                assertThat(RoleRules.refusal(EnumSet.of(administrator, other)).isPresent()).as("%s + %s", administrator, other)
                        .isEqualTo(handles);
            }
        }
        // the wall and the district manager hold no ticket action: an administrator may also be one
        assertThat(RoleRules.refusal(EnumSet.of(Role.SYSTEM_ADMIN, Role.WALL_DISPLAY))).isEmpty();
        assertThat(RoleRules.handlesTickets(Role.GRID_WORKER)).isTrue();
        assertThat(Permissions.of(Role.GRID_WORKER)).contains(Permission.TICKET_REPORT);
    }

    @Test
    void peopleMixOtherRolesFreelyButNeverAChannelAndAlwaysOneRole() {
        assertThat(RoleRules.refusal(EnumSet.of(Role.DISPATCHER, Role.SUPERVISOR, Role.HANDLER))).isEmpty();
        assertThat(RoleRules.refusal(EnumSet.of(Role.CHANNEL))).contains("roles.channel");
        assertThat(RoleRules.refusal(Set.of())).contains("roles.none");
    }
}

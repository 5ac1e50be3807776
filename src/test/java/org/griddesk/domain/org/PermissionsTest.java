package org.griddesk.domain.org;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.griddesk.testsupport.DocumentedPermissions;
import org.junit.jupiter.api.Test;

class PermissionsTest {
    @Test
    void theCodesTableIsTheOneTheDocumentationPrints() {
        Map<Role, Set<Permission>> documented = DocumentedPermissions.table();
        for (Role role : Role.values()) {
            assertThat(Permissions.of(role)).as(role.name()).isEqualTo(documented.get(role));
        }
    }

    @Test
    void noAdministratorHandlesOrReadsTickets() {
        for (Role admin : Role.ADMINISTRATORS) {
            assertThat(Permissions.of(admin)).as(admin.name())
                    .noneMatch(p -> p.name().startsWith("TICKET_") || p == Permission.QUEUE_READ || p == Permission.DISTRICT_READ
                            || p == Permission.PERSONAL_DATA_REVEAL || p == Permission.WALL_READ);
        }
    }

    @Test
    void theThreeAdministratorsShareNoPermission() {
        for (Role a : Role.ADMINISTRATORS) {
            for (Role b : Role.ADMINISTRATORS) {
                if (a != b) {
                    Set<Permission> shared = EnumSet.copyOf(Permissions.of(a));
                    shared.retainAll(Permissions.of(b));
                    assertThat(shared).as(a + " and " + b).isEmpty();
                }
            }
        }
    }

    @Test
    void theWallAndTheWorkersNeverSeePersonalData() {
        assertThat(Permissions.allows(Role.WALL_DISPLAY, Permission.PERSONAL_DATA_REVEAL)).isFalse();
        assertThat(Permissions.allows(Role.GRID_WORKER, Permission.PERSONAL_DATA_REVEAL)).isFalse();
        assertThat(Permissions.holders(Permission.AUDIT_READ)).containsExactly(Role.AUDIT_ADMIN);
    }
}

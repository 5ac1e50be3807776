package org.griddesk.supervise.patrol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;
import org.griddesk.domain.org.Role;
import org.griddesk.security.Session;
import org.griddesk.security.Workstation;
import org.griddesk.store.Database;
import org.griddesk.store.DatabaseKind;
import org.griddesk.store.patrol.AbsentWorkers;
import org.griddesk.testsupport.TestDatabases;
import org.griddesk.ui.CurrentThreadTaskExecutor;
import org.griddesk.ui.Language;
import org.griddesk.ui.Messages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// The supervisor's list: a town centre sees its town's absent workers, the district centre the
/// district's; a day off lists nobody and says why.
class AbsentWorkersViewModelTest {
    /// Friday 4 December 2026, 10:00 in Beijing
    private static final Clock FRIDAY = Clock.fixed(Instant.parse("2026-12-04T02:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path temp;

    private static AbsentWorkersViewModel model(Database db, String unit) {
        Session session = new Session("a1", "sup", "值班长", unit, Set.of(Role.SUPERVISOR), Instant.EPOCH,
                new Workstation("test", "127.0.0.1"));
        return new AbsentWorkersViewModel(() -> db, session, new CurrentThreadTaskExecutor(),
                Messages.of(Language.ZH_CN, AbsentWorkersScreen.BUNDLE), FRIDAY);
    }

    @Test
    void aTownCentreSeesItsTownAndTheDistrictCentreTheDistrict() {
        try (Database db = TestDatabases.freshMigrated(DatabaseKind.H2, temp)) {
            String square = "POLYGON((117.2 38.9, 117.4 38.9, 117.4 39.0, 117.2 39.0, 117.2 38.9))";
            db.dsl().execute("INSERT INTO region (code, name, region_level, parent_code, density_weight, geometry_wkt) VALUES "
                    + "('T1', '甲镇', 'AREA', NULL, 1, ?), ('C1', '甲社区', 'COMMUNITY', 'T1', 1, ?), ('G1', '甲1', 'GRID', 'C1', 1, ?), "
                    + "('T2', '乙镇', 'AREA', NULL, 1, ?), ('C2', '乙社区', 'COMMUNITY', 'T2', 1, ?), ('G2', '乙1', 'GRID', 'C2', 1, ?)",
                    square, square, square, square, square, square);
            db.dsl().execute("INSERT INTO grid_worker (id, name, phone, grid_code, community_code, is_leader) VALUES "
                    + "('W1', '张一', '13800000001', 'G1', 'C1', FALSE), ('W2', '张二', '13800000002', 'G2', 'C2', FALSE)");

            AbsentWorkersViewModel town = model(db, "T1");
            town.load();
            AbsentWorkersViewModel district = model(db, "CENTRE-DISTRICT");
            district.load();

            assertThat(town.rows()).extracting(AbsentWorkers.Absent::workerId).containsExactly("W1");
            assertThat(town.headingProperty().get()).contains("本镇街");
            assertThat(town.messageProperty().get()).isEqualTo("2026-12-04：1 名网格员无巡查、无走访");
            assertThat(district.rows()).extracting(AbsentWorkers.Absent::workerId).containsExactly("W1", "W2");
            assertThat(district.headingProperty().get()).contains("全区");

            town.dayProperty().set(LocalDate.of(2026, 12, 5));
            town.load();
            assertThat(town.rows()).isEmpty();
            assertThat(town.messageProperty().get()).contains("休息日");
        }
    }
}

package org.griddesk.store.district;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.griddesk.domain.district.Camera;
import org.griddesk.domain.district.GridWorker;
import org.griddesk.domain.district.VisitHousehold;
import org.griddesk.domain.org.Unit;
import org.griddesk.domain.org.UnitEntry;
import org.griddesk.domain.org.UnitKind;
import org.griddesk.domain.org.UnitLevel;
import org.griddesk.store.Database;
import org.griddesk.store.DatabaseKind;
import org.griddesk.testsupport.TestDatabases;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/// The district's base data as its files give it, on both stores: rows with a known id replace
/// theirs, new ones are added, others stay; a failure writes nothing.
class BaseDataRepositoryTest {
    @TempDir
    Path temp;

    private static UnitEntry team(String id, String name, String phone) {
        return new UnitEntry(new Unit(id, name, UnitLevel.STREET, UnitKind.TEAM, "XSG"), "CG", "张队长", phone);
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void rowsWithAKnownIdReplaceTheirsAndTheRestStay(DatabaseKind kind) {
        try (Database db = TestDatabases.freshMigrated(kind, temp)) {
            BaseDataRepository repo = new BaseDataRepository(db.dsl());
            UnitEntry centre = new UnitEntry(new Unit("XSG", "咸水沽镇网格化管理中心", UnitLevel.STREET, UnitKind.CENTRE, "DISTRICT"),
                    null, null, "02228391234");
            repo.write(List.of(centre, team("XSG-CG", "咸水沽镇城管中队", "13800138000")),
                    List.of(new GridWorker("W-1", "王网格", "13800000001", "XSG-001", "XSG-001-01", false)),
                    List.of(new Camera("GQ-1", Camera.Kind.HD, 117.305123, 38.905456, "XSG-001-01", null)),
                    List.of(new VisitHousehold("H-1", "XSG-001-01", VisitHousehold.Category.ELDER_ALONE, "张秀英", "13900000001", "丰泰苑3号楼101")));

            UnitEntry renamed = team("XSG-CG", "咸水沽镇综合执法队", "13800138001");
            UnitEntry added = team("XSG-CG2", "咸水沽镇城管二中队", null);
            repo.write(List.of(renamed, added), List.of(), List.of(), List.of());
            assertThat(repo.units()).containsExactly(centre, renamed, added);
            assertThat(repo.workers()).extracting(GridWorker::name).containsExactly("王网格");
            assertThat(new DistrictRepository(db.dsl()).cameras()).extracting(Camera::lat).containsExactly(38.905456);
            assertThat(new DistrictRepository(db.dsl()).visitHouseholds("XSG-001-01")).extracting(VisitHousehold::headName)
                    .containsExactly("张秀英");

            UnitEntry tooLong = team("XSG-CG3", "队".repeat(101), null);
            assertThatThrownBy(() -> repo.write(List.of(team("XSG-CG4", "好的", null), tooLong), List.of(), List.of(), List.of()))
                    .isInstanceOf(RuntimeException.class);
            assertThat(repo.units()).as("nothing of a failed write").hasSize(3);
        }
    }
}

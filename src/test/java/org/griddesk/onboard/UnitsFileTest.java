package org.griddesk.onboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.griddesk.domain.TableFile;
import org.griddesk.domain.org.Unit;
import org.griddesk.domain.org.UnitEntry;
import org.griddesk.domain.org.UnitKind;
import org.griddesk.domain.org.UnitLevel;
import org.griddesk.domain.taxonomy.TeamType;
import org.griddesk.geo.GridIndex;
import org.griddesk.geo.Region;
import org.griddesk.geo.RegionLevel;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/// The organisation file's rules, row by row and across rows, against a store holding one town.
class UnitsFileTest {
    private static final String HEADER = "id,name,kind,level,parent,team_type,contact,phone";
    private static final StoredDistrict STORED = new StoredDistrict(
            Map.of("XSG", new Region("XSG", "咸水沽镇", RegionLevel.AREA, null, new GeometryFactory().createPolygon(new Coordinate[] {
                new Coordinate(117.30, 38.90), new Coordinate(117.32, 38.90), new Coordinate(117.32, 38.92),
                new Coordinate(117.30, 38.90)}), 1.0)),
            new GridIndex(List.of()),
            Map.of("DISTRICT", new Unit("DISTRICT", "本区网格化管理中心", UnitLevel.DISTRICT, UnitKind.CENTRE, null),
                    "XSG", new Unit("XSG", "咸水沽镇网格化管理中心", UnitLevel.STREET, UnitKind.CENTRE, "DISTRICT")),
            Map.of("CG", new TeamType("CG", UnitLevel.STREET, "城管中队"), "CGW", new TeamType("CGW", UnitLevel.DISTRICT, "城管委")),
            List.of());

    private final Problems problems = new Problems();

    private List<UnitEntry> read(String... rows) throws Exception {
        String text = HEADER + "\n" + String.join("\n", rows) + "\n";
        return UnitsFile.read(new Sheet(TableFile.csv("units.csv", text.getBytes(StandardCharsets.UTF_8)), UnitsFile.COLUMNS,
                problems), STORED);
    }

    private List<String> problems() {
        return problems.list().stream().map(p -> p.text(false)).toList();
    }

    @Test
    void teamsAndDepartmentsHangUnderTheCentreOfTheirLevelWithATypeOfThatLevel() throws Exception {
        List<UnitEntry> units = read(
                "XSG-CG,咸水沽镇城管中队,team,,XSG,CG,,",
                "JN-CGW,城管委,department,district,DISTRICT,CGW,,",
                "XSG-CG2,城管二中队,team,,XSG-CG,CG,,",        // under a team
                "XSG-CGW,镇里的城管委,team,,XSG,CGW,,",          // a district type in a town
                "JN-CG,区里的中队,department,,XSG,CGW,,",        // a department under a town
                "XSG-X,无类型,team,,XSG,,,",
                "XSG-Y,中心带类型,centre,street,DISTRICT,CG,,");
        assertThat(units).extracting(u -> u.unit().id()).containsExactly("XSG-CG", "JN-CGW", "XSG-CG2", "JN-CG");
        assertThat(units.getFirst().unit().level()).isEqualTo(UnitLevel.STREET);
        assertThat(problems()).containsExactly(
                "units.csv line 4, column 5 (parent): parent XSG-CG is not a street centre",
                "units.csv line 5, column 6 (team_type): team type CGW is a district type, not street",
                "units.csv line 6, column 5 (parent): parent XSG is not a district centre",
                "units.csv line 7, column 6 (team_type): a team or department needs its team type from the catalogue",
                "units.csv line 8, column 1 (id): a town centre's id is its town's code in the grids; the store has no town XSG-Y",
                "units.csv line 8, column 6 (team_type): a centre has no team type (teams and departments do)");
    }

    @Test
    void aTownCentreIsItsTownAndTheDistrictHasOneCentre() throws Exception {
        read("XSG,咸水沽镇中心,centre,street,DISTRICT,,值班室,022-28390001",
                "GG,葛沽镇中心,中心,镇街,DISTRICT,,,",
                "JN2,第二个区中心,centre,district,,,,",
                "DISTRICT,改成队伍,team,,XSG,CG,,",
                "XSG-Z,没层级的中心,centre,,DISTRICT,,,",
                "XSG-W,层级不对的队伍,team,district,XSG,CG,,");
        assertThat(problems()).containsExactly(
                "units.csv line 3, column 1 (id): a town centre's id is its town's code in the grids; the store has no town GG",
                "units.csv line 4, column 4 (level): a district has one district centre, here there would be DISTRICT, JN2",
                "units.csv line 5, column 3 (kind): DISTRICT is a centre in the store; its kind cannot change",
                "units.csv line 6, column 4 (level): a centre needs its level (市、city、市级、区、district、区级、镇街、street、town、街镇、镇、街道)",
                "units.csv line 7, column 4 (level): a team is at street level, not district");
    }
}

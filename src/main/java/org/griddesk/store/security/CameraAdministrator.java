package org.griddesk.store.security;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.griddesk.domain.district.Camera;
import org.griddesk.domain.district.DistrictCode;
import org.griddesk.geo.CameraPlacement;
import org.griddesk.geo.Region;
import org.griddesk.geo.RegionLevel;
import org.griddesk.security.Session;
import org.griddesk.store.district.BaseDataRepository;
import org.griddesk.store.district.DistrictRepository;

/// Cameras for [DistrictAdministrationService]: a code, a kind, a WGS-84 point written with at most
/// 6 decimals (about 0.1 m) and the grid an alarm from it is placed in — the point in that grid or
/// within [CameraPlacement#NEAR_METRES] of it, the cameras file's rule.
final class CameraAdministrator {
    private static final int MAX_DECIMALS = 6;

    private final DistrictEdit edit;

    CameraAdministrator(DistrictEdit edit) {
        this.edit = edit;
    }

    List<Camera> cameras(Session by) {
        edit.require(by, "cameras");
        return new DistrictRepository(edit.dsl()).cameras();
    }

    void save(Session by, Camera camera) {
        String code = camera == null ? null : DistrictEdit.typed(camera.code());
        String target = "camera:" + (code == null ? "" : code);
        edit.require(by, target);
        if (!DistrictCode.valid(code)) {
            throw edit.refuse(by, target, "admin.district.cameras.badCode", code == null ? "" : code);
        }
        if (camera.kind() == null) {
            throw edit.refuse(by, target, "admin.district.cameras.noKind");
        }
        if (!degrees(camera.lon(), 73, 136) || !degrees(camera.lat(), 3, 54)) {
            throw edit.refuse(by, target, "admin.district.cameras.badPoint", text(camera.lon()), text(camera.lat()));
        }
        String gridCode = DistrictEdit.typed(camera.gridCode());
        Optional<Region> grid = gridCode == null ? Optional.empty()
                : new DistrictRepository(edit.dsl()).region(gridCode).filter(r -> r.level() == RegionLevel.GRID);
        if (grid.isEmpty()) {
            throw edit.refuse(by, target, "admin.district.cameras.noGrid", gridCode == null ? "" : gridCode);
        }
        double outside = CameraPlacement.metresOutside(grid.get(), camera.lon(), camera.lat());
        if (!CameraPlacement.near(outside)) {
            throw edit.refuse(by, target, "admin.district.cameras.farFromGrid", Math.round(outside), gridCode,
                    Math.round(CameraPlacement.NEAR_METRES));
        }
        boolean known = new DistrictRepository(edit.dsl()).cameras().stream().anyMatch(c -> c.code().equals(code));
        Camera saved = new Camera(code, camera.kind(), camera.lon(), camera.lat(), gridCode, null);
        edit.commit(by, target, (known ? "changed: " : "added: ") + camera.kind() + " " + text(camera.lon()) + "," + text(camera.lat())
                + " in " + gridCode, tx -> new BaseDataRepository(tx).saveCamera(saved));
    }

    /// A finite number in range with at most 6 decimals (as typed: 117.123456, not 117.1234567).
    private static boolean degrees(double value, double min, double max) {
        return Double.isFinite(value) && value >= min && value <= max
                && BigDecimal.valueOf(value).stripTrailingZeros().scale() <= MAX_DECIMALS;
    }

    private static String text(double value) {
        return Double.isFinite(value) ? BigDecimal.valueOf(value).stripTrailingZeros().toPlainString() : String.valueOf(value);
    }
}

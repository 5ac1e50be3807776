package org.griddesk.onboard;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.griddesk.domain.district.Camera;
import org.griddesk.geo.CameraPlacement;
import org.griddesk.geo.CoordinateSystem;
import org.griddesk.geo.Region;
import org.griddesk.geo.RegionLevel;

/// The cameras file (雪亮工程 points): code, kind, point and grid. The grid may be left out (the
/// point finds it); when written, the point must lie in it or within [#NEAR_METRES] of it (a camera
/// on the road along a grid's edge) — an alarm from the camera is placed in that grid.
final class CamerasFile {
    static final Column CODE = Column.required("code", "编号");
    static final Column KIND = Column.required("kind", "类型");
    static final Column LON = Column.required("lon", "经度");
    static final Column LAT = Column.required("lat", "纬度");
    static final Column GRID = Column.optional("grid", "网格");
    static final Column STREAM = Column.optional("stream_url", "视频流地址");
    static final List<Column> COLUMNS = List.of(CODE, KIND, LON, LAT, GRID, STREAM);

    /// How far outside its grid a camera may stand.
    static final double NEAR_METRES = CameraPlacement.NEAR_METRES;

    static final Choice<Camera.Kind> KINDS = new Choice<Camera.Kind>()
            .with(Camera.Kind.HD, "高清摄像头", "hd", "高清", "GQ")
            .with(Camera.Kind.CHECKPOINT, "电子卡口", "checkpoint", "卡口", "KK")
            .with(Camera.Kind.HIGH_POINT, "制高点", "high_point", "high point", "ZG")
            .with(Camera.Kind.FACE, "人脸识别", "face", "人脸", "RL");

    private CamerasFile() {
    }

    static List<Camera> read(Sheet sheet, StoredDistrict stored, CoordinateSystem pointsIn) {
        ById<Camera> byCode = new ById<>(CODE, Camera::code);
        for (Sheet.Row row : sheet.rows()) {
            camera(row, stored, pointsIn).ifPresent(c -> byCode.add(row, c));
        }
        return byCode.values();
    }

    private static Optional<Camera> camera(Sheet.Row row, StoredDistrict stored, CoordinateSystem pointsIn) {
        String code = Cells.code(row, CODE);
        Camera.Kind kind = Cells.choice(row, KIND, KINDS);
        String stream = stream(row);
        double[] point = Points.inChina(row, LON, LAT, pointsIn);
        String grid = point == null ? null : grid(row, stored, point);
        if (code == null || kind == null || grid == null || !row.get(STREAM).isEmpty() && stream == null) {
            return Optional.empty();
        }
        return Optional.of(new Camera(code, kind, point[0], point[1], grid, stream));
    }

    /// The grid written, when the point is in it or near it; else the grid the point is in.
    private static String grid(Sheet.Row row, StoredDistrict stored, double[] point) {
        String written = row.get(GRID);
        if (written.isEmpty()) {
            Optional<Region> found = stored.grids().locate(point[0], point[1]);
            if (found.isEmpty()) {
                row.problem(LON, "该点不在本区任何网格内：请写明网格", "the point is in none of the district's grids: give its grid");
                return null;
            }
            return found.get().code();
        }
        Optional<Region> grid = stored.region(written, RegionLevel.GRID);
        if (grid.isEmpty()) {
            row.problem(GRID, "库中没有网格 " + written, "the store has no grid " + written);
            return null;
        }
        double metres = CameraPlacement.metresOutside(grid.get(), point[0], point[1]);
        if (!CameraPlacement.near(metres)) {
            String inside = stored.grids().locate(point[0], point[1]).map(Region::code).orElse(null);
            row.problem(GRID, "该点在网格 " + written + " 外约 " + Math.round(metres) + " 米" + (inside == null ? "" : "，位于网格 " + inside + " 内"),
                    String.format(Locale.ROOT, "the point is about %d m outside grid %s%s", Math.round(metres), written,
                            inside == null ? "" : ", in grid " + inside));
            return null;
        }
        return written;
    }

    private static String stream(Sheet.Row row) {
        String url = row.get(STREAM);
        if (url.isEmpty()) {
            return null;
        }
        if (!url.matches("(?i)(rtsp|rtmp|https?)://\\S{1,490}")) {
            row.problem(STREAM, "视频流地址应以 rtsp://、rtmp://、http:// 或 https:// 开头，不含空格",
                    "a stream address starts with rtsp://, rtmp://, http:// or https:// and holds no spaces");
            return null;
        }
        return url;
    }
}

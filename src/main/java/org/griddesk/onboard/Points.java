package org.griddesk.onboard;

import org.griddesk.geo.CoordinateSystem;

/// A point written as longitude and latitude in two columns, in the coordinate system the files
/// are in, taken to WGS-84 (what the store keeps).
final class Points {
    private Points() {
    }

    /// The WGS-84 longitude and latitude, or null when a cell is not a number or the point is not
    /// in China (swapped columns are named as such).
    static double[] inChina(Sheet.Row row, Column lonColumn, Column latColumn, CoordinateSystem system) {
        Double lon = Cells.degrees(row, lonColumn);
        Double lat = Cells.degrees(row, latColumn);
        if (lon == null || lat == null) {
            return null;
        }
        if (inChina(lat, lon)) {
            row.problem(lonColumn, "经度和纬度写反了（" + lon + "，" + lat + "）", "longitude and latitude are swapped (" + lon + ", " + lat + ")");
            return null;
        }
        if (!inChina(lon, lat)) {
            row.problem(lonColumn, "点 " + lon + "，" + lat + " 不在中国境内", "the point " + lon + ", " + lat + " is not in China");
            return null;
        }
        return system.toWgs(lon, lat);
    }

    private static boolean inChina(double lon, double lat) {
        return lon >= 73 && lon <= 136 && lat >= 3 && lat <= 54;
    }
}

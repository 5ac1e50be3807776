package org.griddesk.geo;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;

/// One piece of the district's map: a level-2 area, a community or village, or a base grid.
///
/// @param code       stable code, e.g. `XSG` (area), `XSG-012` (community), `XSG-012-03` (grid)
/// @param name       Chinese name
/// @param level      what it is
/// @param parentCode the region it lies in (null for an area)
/// @param shape      the outline in longitude/latitude (WGS-84/CGCS2000): a Polygon, or a MultiPolygon
///                   for a region in several pieces (a development zone's separate parks, an exclave)
/// @param weight     relative population density used to size it (1 = farmland)
public record Region(String code, String name, RegionLevel level, String parentCode, Geometry shape, double weight) {
    public Region {
        if (!(shape instanceof Polygon || shape instanceof MultiPolygon)) {
            throw new IllegalArgumentException(code + ": a region's shape is a Polygon or a MultiPolygon, not "
                    + (shape == null ? "nothing" : shape.getGeometryType()));
        }
    }

    /// How many separate pieces the region has (1 for most).
    public int parts() {
        return shape.getNumGeometries();
    }

    /// The largest piece: where a label or a card's mini map goes.
    public Polygon mainPart() {
        Polygon largest = (Polygon) shape.getGeometryN(0);
        for (int i = 1; i < shape.getNumGeometries(); i++) {
            Polygon p = (Polygon) shape.getGeometryN(i);
            if (p.getArea() > largest.getArea()) {
                largest = p;
            }
        }
        return largest;
    }
}

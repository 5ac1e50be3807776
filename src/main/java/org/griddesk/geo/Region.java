package org.griddesk.geo;

import org.locationtech.jts.geom.Polygon;

/// One piece of the district's map: a level-2 area, a community or village, or a base grid.
///
/// @param code       stable code, e.g. `XSG` (area), `XSG-012` (community), `XSG-012-03` (grid)
/// @param name       Chinese name
/// @param level      what it is
/// @param parentCode the region it lies in (null for an area)
/// @param shape      the outline in longitude/latitude (WGS-84/CGCS2000)
/// @param weight     relative population density used to size it (1 = farmland)
public record Region(String code, String name, RegionLevel level, String parentCode, Polygon shape, double weight) {
}

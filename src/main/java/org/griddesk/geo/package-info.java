/// Geography: projection and China's coordinate systems, the grid index (point to grid), GeoJSON
/// import and export, and the demo district's generated geography (Voronoi tiling of a Jinnan-shaped
/// outline).
package org.griddesk.geo;

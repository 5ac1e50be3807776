/// Geography: projection, grid index (point to grid), GeoJSON import and export, the demo district's generated geography. Not written yet: the district issue brings it.
package org.griddesk.geo;

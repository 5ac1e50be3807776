/// The district map: a JavaFX control ([org.griddesk.map.MapView]) over a Web Mercator
/// [org.griddesk.map.Viewport]. Regions, cameras, labels and ticket markers are drawn into a raster
/// on a background thread ([org.griddesk.map.MapRaster]); the FX thread shows that raster moved and
/// scaled to the view and draws the hover and selection outlines. Its input is a
/// [org.griddesk.map.MapModel], built off the FX thread by the caller.
package org.griddesk.map;

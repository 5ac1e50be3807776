package org.griddesk.map;

import org.locationtech.jts.geom.Envelope;

/// What the map shows: the world point at the centre of the view, the zoom level and the size of
/// the view in pixels. Immutable; every move makes a new one.
///
/// @param centreX world x (see [WebMercator]) at the centre of the view
/// @param centreY world y at the centre of the view
/// @param zoom    fractional zoom level, kept between [#MIN_ZOOM] and [#MAX_ZOOM]
/// @param width   view width in pixels
/// @param height  view height in pixels
public record Viewport(double centreX, double centreY, double zoom, double width, double height) {
    public static final double MIN_ZOOM = 8;
    public static final double MAX_ZOOM = 19;

    public Viewport {
        zoom = Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, zoom));
    }

    /// The view that shows `box` (longitude/latitude) whole, with `padding` pixels to spare on every side.
    public static Viewport fitting(Envelope box, double width, double height, double padding) {
        double minX = WebMercator.x(box.getMinX());
        double maxX = WebMercator.x(box.getMaxX());
        double minY = WebMercator.y(box.getMaxY());
        double maxY = WebMercator.y(box.getMinY());
        double usableWidth = Math.max(1, width - 2 * padding);
        double usableHeight = Math.max(1, height - 2 * padding);
        double scale = Math.min(usableWidth / Math.max(1e-12, maxX - minX), usableHeight / Math.max(1e-12, maxY - minY));
        double zoom = Math.log(scale / WebMercator.TILE_SIZE) / Math.log(2);
        return new Viewport((minX + maxX) / 2, (minY + maxY) / 2, zoom, width, height);
    }

    /// Pixels per world unit.
    public double scale() {
        return WebMercator.scale(zoom);
    }

    public double screenX(double worldX) {
        return (worldX - centreX) * scale() + width / 2;
    }

    public double screenY(double worldY) {
        return (worldY - centreY) * scale() + height / 2;
    }

    public double worldX(double screenX) {
        return centreX + (screenX - width / 2) / scale();
    }

    public double worldY(double screenY) {
        return centreY + (screenY - height / 2) / scale();
    }

    public double lon(double screenX) {
        return WebMercator.lon(worldX(screenX));
    }

    public double lat(double screenY) {
        return WebMercator.lat(worldY(screenY));
    }

    /// The world rectangle in view.
    public Envelope visibleWorld() {
        return new Envelope(worldX(0), worldX(width), worldY(0), worldY(height));
    }

    /// Moves the map by `dx`, `dy` pixels (what a drag of the mouse does: the map follows it).
    public Viewport pannedBy(double dx, double dy) {
        double s = scale();
        return new Viewport(centreX - dx / s, centreY - dy / s, zoom, width, height);
    }

    /// Zooms by `steps` levels (fractional, negative zooms out) keeping the world point under
    /// (`screenX`, `screenY`) where it is.
    public Viewport zoomedAbout(double steps, double screenX, double screenY) {
        double wx = worldX(screenX);
        double wy = worldY(screenY);
        Viewport zoomed = new Viewport(centreX, centreY, zoom + steps, width, height);
        double s = zoomed.scale();
        return new Viewport(wx - (screenX - width / 2) / s, wy - (screenY - height / 2) / s, zoomed.zoom, width, height);
    }

    /// The same centre and zoom in a view of another size.
    public Viewport resized(double newWidth, double newHeight) {
        return new Viewport(centreX, centreY, zoom, newWidth, newHeight);
    }
}

package org.griddesk.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;

class ViewportTest {
    private static final Envelope JINNAN = new Envelope(117.25, 117.56, 38.84, 39.08);

    @Test
    void webMercatorMatchesTheTileGridOfXyzServers() {
        // Tianjin at zoom 10 lies in tile x 845, y 391 of any XYZ server
        assertThat((int) (WebMercator.x(117.4) * 1024)).isEqualTo(845);
        assertThat((int) (WebMercator.y(39.0) * 1024)).isEqualTo(391);
        assertThat(WebMercator.lon(WebMercator.x(117.4))).isCloseTo(117.4, within(1e-12));
        assertThat(WebMercator.lat(WebMercator.y(38.95))).isCloseTo(38.95, within(1e-10));
        assertThat(WebMercator.y(0)).isEqualTo(0.5);
    }

    @Test
    void fittingShowsTheWholeDistrictWithItsPadding() {
        Viewport v = Viewport.fitting(JINNAN, 1920, 1080, 40);
        assertThat(v.screenY(WebMercator.y(39.08))).isGreaterThanOrEqualTo(40 - 1e-6);
        assertThat(v.screenY(WebMercator.y(38.84))).isLessThanOrEqualTo(1080 - 40 + 1e-6);
        assertThat(v.screenX(WebMercator.x(117.25))).isGreaterThanOrEqualTo(40 - 1e-6);
        assertThat(v.screenX(WebMercator.x(117.56))).isLessThanOrEqualTo(1920 - 40 + 1e-6);
        // the tighter of the two directions touches its padding
        assertThat(v.screenY(WebMercator.y(39.08))).isCloseTo(40, within(1e-6));
        assertThat(v.zoom()).isBetween(11.0, 12.5);
    }

    @Test
    void zoomIsKeptWithinItsLimits() {
        Viewport v = Viewport.fitting(JINNAN, 800, 600, 0);
        assertThat(v.zoomedAbout(50, 10, 10).zoom()).isEqualTo(Viewport.MAX_ZOOM);
        assertThat(v.zoomedAbout(-50, 10, 10).zoom()).isEqualTo(Viewport.MIN_ZOOM);
    }

    @Property(tries = 300)
    void zoomingKeepsThePointUnderTheCursorAndPanningFollowsTheMouse(@ForAll @DoubleRange(min = 0, max = 1920) double sx,
                                                                      @ForAll @DoubleRange(min = 0, max = 1080) double sy,
                                                                      @ForAll @DoubleRange(min = -3, max = 3) double steps,
                                                                      @ForAll @DoubleRange(min = -500, max = 500) double dx) {
        Viewport v = Viewport.fitting(JINNAN, 1920, 1080, 20);
        double lon = v.lon(sx);
        double lat = v.lat(sy);
        Viewport zoomed = v.zoomedAbout(steps, sx, sy);
        assertThat(zoomed.screenX(WebMercator.x(lon))).isCloseTo(sx, within(1e-6));
        assertThat(zoomed.screenY(WebMercator.y(lat))).isCloseTo(sy, within(1e-6));

        Viewport panned = zoomed.pannedBy(dx, -dx / 2);
        assertThat(panned.screenX(WebMercator.x(lon))).isCloseTo(sx + dx, within(1e-6));
        assertThat(panned.screenY(WebMercator.y(lat))).isCloseTo(sy - dx / 2, within(1e-6));
    }
}

package org.griddesk.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

/// The series about a track's latitudes gives Web Mercator's y to well under a pixel at the
/// closest zoom, walking, jumping across the district and back.
class MercatorNearTest {

    @Test
    void itGivesWebMercatorsYNearAndFarFromItsAnchor() {
        MercatorNear mercator = new MercatorNear();
        Random random = new Random(5);
        double lat = 38.95;
        double worstPixels = 0;
        for (int i = 0; i < 100_000; i++) {
            lat = i % 10_000 == 0 ? 38.84 + random.nextDouble() * 0.24 : lat + random.nextGaussian() * 0.0001;
            double error = Math.abs(mercator.y(lat) - WebMercator.y(lat));
            worstPixels = Math.max(worstPixels, error * WebMercator.scale(Viewport.MAX_ZOOM));
        }
        assertThat(worstPixels).isLessThan(0.001);
        assertThat(mercator.y(0)).isCloseTo(0.5, within(1e-15));
    }
}

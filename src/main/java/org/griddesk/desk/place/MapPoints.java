package org.griddesk.desk.place;

import java.util.function.BiConsumer;

/// Where a point can be picked with one click: the desk's live map ([org.griddesk.map.MapView#pickPoint]).
public interface MapPoints {
    /// The next click on the map hands its longitude and latitude to `picked`.
    void pick(BiConsumer<Double, Double> picked);

    /// Ends a pick under way without a point.
    void cancel();

    /// No map: the picker's map button is hidden.
    MapPoints NONE = new MapPoints() {
        @Override
        public void pick(BiConsumer<Double, Double> picked) {
        }

        @Override
        public void cancel() {
        }
    };
}

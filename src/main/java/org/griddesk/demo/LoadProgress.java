package org.griddesk.demo;

/// What the demo loader tells the window and the console while it works: the step it began (a
/// message key suffix: `geography`, `saving`, `history`, `done`) and how far the long step is.
@FunctionalInterface
public interface LoadProgress {
    void step(String key);

    /// The running step is `percent` done (0–100); called a few dozen times at most.
    default void percent(int percent) {
    }

    /// The district itself is stored (its history may still be on its way): the map can be drawn.
    default void districtReady() {
    }
}

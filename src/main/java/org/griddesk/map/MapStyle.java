package org.griddesk.map;

import javafx.scene.paint.Color;

/// The map's own colours for a theme (a canvas does not read CSS). Region fills come from the
/// [ColourMode]; these are the background, the lines, the labels and the highlights.
record MapStyle(Color background, Color areaLine, Color communityLine, Color gridLine, Color label, Color labelHalo,
                Color selection, Color hover, double fillOpacity) {
    static final MapStyle DARK = new MapStyle(Color.web("#0d1117"), Color.web("#e6edf3"), Color.web("#8b949e"),
            Color.web("#484f58"), Color.web("#e6edf3"), Color.web("#0d1117cc"), Color.web("#f0883e"), Color.web("#58a6ff"),
            0.42);
    static final MapStyle LIGHT = new MapStyle(Color.web("#f6f8fa"), Color.web("#24292f"), Color.web("#57606a"),
            Color.web("#afb8c1"), Color.web("#24292f"), Color.web("#ffffffcc"), Color.web("#cf222e"), Color.web("#0969da"),
            0.38);
}

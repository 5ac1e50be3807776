package org.griddesk.map;

import java.util.List;
import java.util.Locale;
import javafx.scene.paint.Color;

/// How the map colours the district. Every mode has a legend of classes; the sequential palettes
/// are viridis and yellow-orange-red, the categorical one Paul Tol's, all readable by people with
/// the common colour-vision deficiencies and on the dark wall theme.
public enum ColourMode {
    /// each level-2 area its own colour
    AREA,
    /// open tickets per grid
    LOAD,
    /// overdue tickets per grid
    OVERDUE,
    /// this month's 4468 visit coverage per grid
    VISITS,
    /// today's patrol tracks and each grid's patrol coverage ([PatrolLayer])
    PATROLS;

    /// One class of the legend: grids whose value is at least `from` get `colour`.
    public record LegendClass(double from, String label, Color colour) {
    }

    private static final List<Color> AREA_COLOURS = List.of(
            Color.web("#CC6677"), Color.web("#332288"), Color.web("#DDCC77"), Color.web("#117733"),
            Color.web("#88CCEE"), Color.web("#882255"), Color.web("#44AA99"), Color.web("#999933"),
            Color.web("#AA4499"), Color.web("#EE8866"), Color.web("#77AADD"), Color.web("#BBCC33"));

    /// The colour of the `index`-th area.
    public static Color areaColour(int index) {
        return AREA_COLOURS.get(Math.floorMod(index, AREA_COLOURS.size()));
    }

    /// The classes, lowest first; empty for [#AREA] (its legend lists the areas).
    public List<LegendClass> classes() {
        return switch (this) {
            case AREA -> List.of();
            case LOAD -> List.of(
                    new LegendClass(0, "0", Color.TRANSPARENT),
                    new LegendClass(1, "1", Color.web("#3B528B")),
                    new LegendClass(2, "2–3", Color.web("#21918C")),
                    new LegendClass(4, "4–6", Color.web("#5EC962")),
                    new LegendClass(7, "7+", Color.web("#FDE725")));
            case OVERDUE -> List.of(
                    new LegendClass(0, "0", Color.TRANSPARENT),
                    new LegendClass(1, "1", Color.web("#FECC5C")),
                    new LegendClass(2, "2", Color.web("#FD8D3C")),
                    new LegendClass(3, "3–4", Color.web("#F03B20")),
                    new LegendClass(5, "5+", Color.web("#BD0026")));
            case VISITS -> List.of(
                    new LegendClass(0, "<60%", Color.web("#B2182B")),
                    new LegendClass(0.6, "60–80%", Color.web("#EF8A62")),
                    new LegendClass(0.8, "80–90%", Color.web("#FDDBC7")),
                    new LegendClass(0.9, "90–99%", Color.web("#67A9CF")),
                    new LegendClass(0.995, "100%", Color.web("#2166AC")));
            // not patrolled is left uncoloured: the tracks and the patrolled grids stand out
            case PATROLS -> List.of(
                    new LegendClass(0, "0", Color.TRANSPARENT),
                    new LegendClass(1e-9, "<20%", Color.web("#FDE0DD")),
                    new LegendClass(0.2, "20–40%", Color.web("#FA9FB5")),
                    new LegendClass(0.4, "40–60%", Color.web("#DD3497")),
                    new LegendClass(0.6, "60%+", Color.web("#7A0177")));
        };
    }

    /// The value of a grid this mode colours by.
    public double valueOf(GridFacts facts) {
        return switch (this) {
            case AREA -> 0;
            case LOAD -> facts.openTickets();
            case OVERDUE -> facts.overdueTickets();
            case VISITS -> facts.visitCoverage();
            case PATROLS -> 0; // the patrol layer's coverage, not a fact of the grid ([#valueOf(MapModel, String)])
        };
    }

    /// The value of a grid in the model this mode colours by.
    public double valueOf(MapModel model, String gridCode) {
        return this == PATROLS ? model.patrols().coverage(gridCode) : valueOf(model.facts(gridCode));
    }

    /// The colour for `value`: that of the highest class it reaches.
    public Color colourOf(double value) {
        Color colour = Color.TRANSPARENT;
        for (LegendClass c : classes()) {
            if (value >= c.from()) {
                colour = c.colour();
            }
        }
        return colour;
    }

    /// The message key of the mode's name.
    public String messageKey() {
        // the patrol mode's names are in the block of patrol texts at the end of the shared bundle
        return this == PATROLS ? "patrol.map.mode" : "map.mode." + name().toLowerCase(Locale.ROOT);
    }
}

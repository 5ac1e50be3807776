package org.griddesk.map;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.scene.paint.Color;

/// A figure per region (area, community or grid) that the map colours in place of its colour mode:
/// a heat map of intake or overdue work, a rate by community. The map does not know what the figure
/// means; whoever builds one names it and picks its classes.
///
/// @param title   what the colours show (the legend's title), e.g. `按时办结率 · 2026-11`
/// @param values  region code → value; regions absent have no figure and are left uncoloured
/// @param classes the legend's classes, lowest first (a value takes the highest class it reaches)
public record Choropleth(String title, Map<String, Double> values, List<ColourMode.LegendClass> classes) {
    /// yellow-orange-red, light to dark: more is worse (intake, overdue work)
    private static final List<Color> HEAT = List.of(Color.web("#FFFFB2"), Color.web("#FECC5C"), Color.web("#FD8D3C"),
            Color.web("#F03B20"), Color.web("#BD0026"));

    public Choropleth {
        values = Map.copyOf(values);
        classes = List.copyOf(classes);
    }

    /// Counts in five classes of equal width up to the largest (zero left uncoloured).
    public static Choropleth counts(String title, Map<String, Double> values) {
        double max = values.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        List<ColourMode.LegendClass> classes = new ArrayList<>();
        classes.add(new ColourMode.LegendClass(0, "0", Color.TRANSPARENT));
        long step = Math.max(1, (long) Math.ceil(max / HEAT.size()));
        for (int i = 0; i < HEAT.size(); i++) {
            long from = 1 + i * step;
            long to = (i + 1) * step;
            String label = i == HEAT.size() - 1 ? from + "+" : from == to ? String.valueOf(from) : from + "–" + to;
            classes.add(new ColourMode.LegendClass(from, label, HEAT.get(i)));
        }
        return new Choropleth(title, values, classes);
    }

    /// Shares (0–1), red below 60% to blue at 100%, as the visit coverage is coloured.
    public static Choropleth shares(String title, Map<String, Double> values) {
        return new Choropleth(title, values, ColourMode.VISITS.classes());
    }

    /// The colour of a region, or transparent when it has no figure.
    public Color colourOf(String regionCode) {
        Double value = values.get(regionCode);
        Color colour = Color.TRANSPARENT;
        if (value != null) {
            for (ColourMode.LegendClass c : classes) {
                if (value >= c.from()) {
                    colour = c.colour();
                }
            }
        }
        return colour;
    }
}

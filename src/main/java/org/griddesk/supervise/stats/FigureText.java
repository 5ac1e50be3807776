package org.griddesk.supervise.stats;

import java.util.Locale;
import java.util.OptionalDouble;
import org.griddesk.domain.assessment.KpiSheet;
import org.griddesk.ui.Messages;

/// How a figure reads on screen: counts whole, rates in percent with one decimal, hours with one;
/// a rate with nothing to rate is a dash, never 0% or 100%.
final class FigureText {
    private FigureText() {
    }

    static String of(Figure figure, KpiSheet sheet, Messages words) {
        OptionalDouble v = figure.value(sheet);
        if (v.isEmpty()) {
            return words.get("stats.noRate");
        }
        return switch (figure.kind()) {
            case COUNT -> String.valueOf(Math.round(v.getAsDouble()));
            case RATE -> percent(v.getAsDouble());
            case HOURS -> String.format(Locale.ROOT, "%.1f", v.getAsDouble());
        };
    }

    static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", share * 100);
    }

    /// a centre's name without the `网格化管理中心` every centre carries (charts have little room)
    static String shortName(String unitName) {
        String s = unitName.replace("网格化管理中心", "");
        return s.isEmpty() ? unitName : s;
    }
}

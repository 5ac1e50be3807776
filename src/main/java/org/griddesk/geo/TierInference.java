package org.griddesk.geo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.griddesk.geo.BoundaryFile.Feature;
import org.griddesk.geo.BoundaryFile.Tier;

/// Each feature's tier: as the file says, or counted from its parents. A feature that gives none
/// takes the tier below its nearest ancestor that gives one; under a root that gives none, the
/// deepest tier found is the grids (a root with three tiers below it is the district, with two a
/// town). Each height is counted once, so a district of 1,600 grids is a linear walk; parents that
/// go round in a circle stop the count.
final class TierInference {
    private final Map<String, Feature> byCode;
    private final Map<String, List<Feature>> children = new HashMap<>();
    private final Map<String, Integer> heights = new HashMap<>();

    private TierInference(Map<String, Feature> byCode) {
        this.byCode = byCode;
        for (Feature f : byCode.values()) {
            if (f.parent() != null && byCode.containsKey(f.parent()) && !f.parent().equals(f.code())) {
                children.computeIfAbsent(f.parent(), k -> new ArrayList<>()).add(f);
            }
        }
    }

    static Map<String, Tier> of(Map<String, Feature> byCode) {
        TierInference inference = new TierInference(byCode);
        Map<String, Tier> tiers = new HashMap<>();
        byCode.values().forEach(f -> tiers.put(f.code(), inference.tier(f)));
        return tiers;
    }

    private Tier tier(Feature f) {
        Feature at = f;
        int steps = 0;
        while (at.tier() == null && at.parent() != null && byCode.containsKey(at.parent()) && steps < Tier.values().length) {
            at = byCode.get(at.parent());
            steps++;
        }
        Tier top = at.tier() != null ? at.tier() : Tier.values()[Tier.GRID.ordinal() - Math.min(3, height(at, 0))];
        return Tier.values()[Math.min(Tier.GRID.ordinal(), top.ordinal() + steps)];
    }

    /// How many tiers hang below `f`, counted to three at most.
    private int height(Feature f, int depth) {
        Integer known = heights.get(f.code());
        if (known != null) {
            return known;
        }
        if (depth > Tier.values().length) {
            return 0;
        }
        int h = 0;
        for (Feature c : children.getOrDefault(f.code(), List.of())) {
            h = Math.max(h, 1 + height(c, depth + 1));
            if (h >= 3) {
                break;
            }
        }
        heights.put(f.code(), h);
        return h;
    }
}

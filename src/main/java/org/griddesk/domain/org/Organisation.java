package org.griddesk.domain.org;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/// Centres and teams by id, and how they nest. The district issue loads the real one from the
/// store; tests build their own.
public final class Organisation {
    private final Map<String, Unit> units;

    private Organisation(Map<String, Unit> units) {
        this.units = units;
    }

    public static Organisation of(Collection<Unit> units) {
        Map<String, Unit> byId = new LinkedHashMap<>();
        for (Unit u : units) {
            if (byId.put(u.id(), u) != null) {
                throw new IllegalArgumentException("unit " + u.id() + " is listed twice");
            }
        }
        return new Organisation(Map.copyOf(byId));
    }

    public Optional<Unit> unit(String id) {
        return Optional.ofNullable(id).map(units::get);
    }

    public Collection<Unit> units() {
        return units.values();
    }

    /// The centre one level up, if any.
    public Optional<Unit> parentCentre(Unit centre) {
        return unit(centre.parentId()).filter(Unit::isCentre);
    }

    /// True when `upper` is `unit` itself or a centre above it.
    public boolean isSameOrAbove(Unit upper, Unit unit) {
        for (Unit u = unit; u != null; u = unit(u.parentId()).orElse(null)) {
            if (u.id().equals(upper.id())) {
                return true;
            }
        }
        return false;
    }
}

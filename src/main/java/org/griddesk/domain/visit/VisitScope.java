package org.griddesk.domain.visit;

/// Whose households a list covers: the whole district (区中心), a town or zone (镇街中心, the map's
/// AREA), a community (its grid leader, 网格长) or one grid (its worker).
public record VisitScope(Level level, String code) {
    public enum Level {
        DISTRICT, AREA, COMMUNITY, GRID
    }

    public static final VisitScope DISTRICT = new VisitScope(Level.DISTRICT, null);

    public VisitScope {
        if (level == null || (level != Level.DISTRICT && (code == null || code.isBlank()))) {
            throw new IllegalArgumentException("a town, community or grid scope names its region's code");
        }
    }

    public static VisitScope area(String code) {
        return new VisitScope(Level.AREA, code);
    }

    public static VisitScope community(String code) {
        return new VisitScope(Level.COMMUNITY, code);
    }

    public static VisitScope grid(String code) {
        return new VisitScope(Level.GRID, code);
    }
}

package org.griddesk.intake;

import java.time.Instant;

/// A request as the duplicate check compares it. `id` is 0 for one not yet stored; any of the
/// other parts may be null when the request did not say.
record RequestTraits(long id, String code, Instant at, Double lon, Double lat, String gridCode, String itemCode,
                     String categoryCode, String callerPhone, String cameraCode, String alarmType, long[] bigrams) {

    boolean hasPoint() {
        return lon != null && lat != null;
    }

    /// Metres between two points, by the local flat-earth approximation (ample for a district).
    double metresTo(RequestTraits other) {
        double meanLat = Math.toRadians((lat + other.lat) / 2);
        double dx = (lon - other.lon) * 111_320 * Math.cos(meanLat);
        double dy = (lat - other.lat) * 110_540;
        return Math.hypot(dx, dy);
    }
}

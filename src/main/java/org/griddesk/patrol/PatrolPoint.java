package org.griddesk.patrol;

import java.time.Instant;

/// One fix of a worker's phone: when, where (WGS-84 degrees) and how exact the phone says it is (metres).
public record PatrolPoint(Instant at, double lon, double lat, int accuracyMetres) {
}

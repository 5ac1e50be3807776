package org.griddesk.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.griddesk.store.SystemPropertyRepository;

/// Which history the demo district gets: `days` days up to `until`. Recorded with the district
/// before any ticket is written, so that an interrupted first start resumes the very same
/// histories (the generator is deterministic for the same seed, days and end).
record HistoryPlan(int days, Instant until) {
    static final String PROPERTY = "demo_history";
    static final String COMPLETE_PROPERTY = "demo_history_complete";

    static Optional<HistoryPlan> recorded(SystemPropertyRepository properties) {
        return properties.find(PROPERTY).map(p -> {
            String[] parts = p.value().split(" ");
            return new HistoryPlan(Integer.parseInt(parts[0]), Instant.parse(parts[1]));
        });
    }

    static boolean complete(SystemPropertyRepository properties) {
        return properties.find(COMPLETE_PROPERTY).isPresent();
    }

    void record(SystemPropertyRepository properties) {
        properties.put(PROPERTY, days + " " + until);
    }

    void markComplete(SystemPropertyRepository properties, long tickets) {
        properties.put(COMPLETE_PROPERTY, Long.toString(tickets));
    }

    /// How far into the planned period `reportedAt` lies, in whole percent.
    int percentAt(Instant reportedAt) {
        Duration whole = Duration.ofDays(days);
        Duration done = Duration.between(until.minus(whole), reportedAt);
        return (int) Math.max(0, Math.min(100, done.toSeconds() * 100 / Math.max(1, whole.toSeconds())));
    }
}

package org.griddesk.domain.digest;

import java.time.LocalDate;
import java.util.List;

/// The daily 专线舆情 digest: what rose far above its 28-day baseline on `day` (categories, items,
/// terms of the request texts, communities), who called again and again, and where many people
/// called about one thing at once.
///
/// @param total         requests on the day (the channels the digest counts)
/// @param baselineMean  their daily mean over the baseline days
public record HotlineDigest(LocalDate day, int baselineDays, long total, double baselineMean, List<Spike> categories,
                            List<Spike> items, List<Spike> terms, List<HotSpot> spots, List<RepeatCaller> callers,
                            List<MassIncident> incidents) {
    public HotlineDigest {
        categories = List.copyOf(categories);
        items = List.copyOf(items);
        terms = List.copyOf(terms);
        spots = List.copyOf(spots);
        callers = List.copyOf(callers);
        incidents = List.copyOf(incidents);
    }

    /// The day's intake over the baseline's daily mean (1 when the baseline is empty).
    public double volume() {
        return baselineMean > 0 ? total / baselineMean : 1.0;
    }

    public boolean quiet() {
        return categories.isEmpty() && items.isEmpty() && terms.isEmpty() && spots.isEmpty() && callers.isEmpty() && incidents.isEmpty();
    }
}

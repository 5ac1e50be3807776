package org.griddesk.domain.visit;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.griddesk.domain.district.VisitHousehold.Category;

/// How often each of the eight must-visit groups (八必访) is visited. The defaults are in [#DEFAULT],
/// and only there; a deployment changes them per group with the store's system properties
/// `visits.frequency.<GROUP>` = `WEEKLY` | `MONTHLY` | `QUARTERLY` ([#withOverrides]).
public record VisitSchedule(Map<Category, VisitFrequency> frequencies) {
    /// prefix of the system properties that override a group's frequency
    public static final String PROPERTY_PREFIX = "visits.frequency.";

    /// *(default)*, not in the source, which asks monthly visits of all eight groups: weekly for the
    /// groups most at risk between two visits (elders living alone, petitioners), quarterly for the
    /// steadiest (veterans, religious believers), monthly for the rest.
    public static final VisitSchedule DEFAULT = new VisitSchedule(defaults());

    public VisitSchedule {
        if (!frequencies.keySet().equals(EnumSet.allOf(Category.class))) {
            throw new IllegalArgumentException("a schedule names a frequency for each of the eight groups: " + frequencies.keySet());
        }
        frequencies = Collections.unmodifiableMap(new EnumMap<>(frequencies));
    }

    private static Map<Category, VisitFrequency> defaults() {
        Map<Category, VisitFrequency> map = new EnumMap<>(Category.class);
        for (Category c : Category.values()) {
            map.put(c, VisitFrequency.MONTHLY);
        }
        map.put(Category.ELDER_ALONE, VisitFrequency.WEEKLY);
        map.put(Category.PETITIONER, VisitFrequency.WEEKLY);
        map.put(Category.VETERAN, VisitFrequency.QUARTERLY);
        map.put(Category.RELIGIOUS, VisitFrequency.QUARTERLY);
        return map;
    }

    public VisitFrequency of(Category category) {
        return frequencies.get(category);
    }

    /// The groups visited at `frequency`.
    public Set<Category> groups(VisitFrequency frequency) {
        Set<Category> groups = EnumSet.noneOf(Category.class);
        frequencies.forEach((c, f) -> {
            if (f == frequency) {
                groups.add(c);
            }
        });
        return groups;
    }

    /// This schedule with the groups named in `properties` (key [#PROPERTY_PREFIX] + group) set to
    /// their frequency. Throws [IllegalArgumentException] naming a key whose group or frequency is unknown.
    public VisitSchedule withOverrides(Map<String, String> properties) {
        Map<Category, VisitFrequency> map = new EnumMap<>(frequencies);
        properties.forEach((key, value) -> {
            if (key.startsWith(PROPERTY_PREFIX)) {
                Category group = parse(Category.class, key.substring(PROPERTY_PREFIX.length()))
                        .orElseThrow(() -> new IllegalArgumentException("no must-visit group " + key.substring(PROPERTY_PREFIX.length())
                                + " (" + key + "); the groups are " + EnumSet.allOf(Category.class)));
                VisitFrequency frequency = parse(VisitFrequency.class, value)
                        .orElseThrow(() -> new IllegalArgumentException(key + " = " + value + ": a frequency is one of WEEKLY, MONTHLY, QUARTERLY"));
                map.put(group, frequency);
            }
        });
        return new VisitSchedule(map);
    }

    private static <E extends Enum<E>> Optional<E> parse(Class<E> type, String name) {
        try {
            return Optional.of(Enum.valueOf(type, name.strip().toUpperCase(java.util.Locale.ROOT)));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }
}

package org.griddesk.domain.digest;

import java.util.Set;

/// The digest's rules, with defaults an administrator may change.
///
/// @param channels       the channels whose requests count (citizens' own: the 8890 hotline and 津治通)
/// @param baselineDays   days before the day that make the baseline (28)
/// @param topics         the rule for categories, items and communities
/// @param terms          the rule for terms of the request texts
/// @param repeatToday    a caller with this many requests on the day repeats (2)
/// @param repeatWeek     …or with this many in the seven days ending on the day (3)
/// @param incidents      the mass-incident rule
public record DigestSettings(Set<String> channels, int baselineDays, SpikeRule topics, SpikeRule terms, int repeatToday,
                             int repeatWeek, MassIncidentRule incidents) {
    public static final DigestSettings DEFAULT = new DigestSettings(Set.of("HOTLINE_8890", "GOVERNANCE_PLATFORM"), 28,
            SpikeRule.TOPICS, SpikeRule.TERMS, 2, 3, MassIncidentRule.DEFAULT);

    public DigestSettings {
        channels = Set.copyOf(channels);
        if (channels.isEmpty() || baselineDays < 7 || repeatToday < 2 || repeatWeek < 2) {
            throw new IllegalArgumentException("digest settings: at least one channel, 7 baseline days, repeats of 2 or more");
        }
    }
}

package org.griddesk.domain.ticket;

import java.time.Duration;

/// Numbers the lifecycle uses that are defaults, not law (DOMAIN.md marks them *(default)*): an
/// administrator may change them.
///
/// @param whistleCheckIn   working time a summoned team has to check in (报到)
/// @param maxExtensionDays most working days one extension may add
/// @param maxTextLength    longest reason, answer or result text
/// @param siteCheckVerifies whether a grid worker's check on site (核查, from the workers' app) is the
///                         verification step of a handled ticket of their grid: a pass verifies it, a
///                         fail returns it to its team as rework (*(default)*: yes)
public record LifecycleRules(Duration whistleCheckIn, int maxExtensionDays, int maxTextLength, boolean siteCheckVerifies) {
    public static final LifecycleRules DEFAULT = new LifecycleRules(Duration.ofHours(2), 30, 2000, true);

    public LifecycleRules(Duration whistleCheckIn, int maxExtensionDays, int maxTextLength) {
        this(whistleCheckIn, maxExtensionDays, maxTextLength, true);
    }

    /// These rules with the grid workers' checks on site taken as verification, or not.
    public LifecycleRules withSiteCheckVerifies(boolean verifies) {
        return new LifecycleRules(whistleCheckIn, maxExtensionDays, maxTextLength, verifies);
    }
}

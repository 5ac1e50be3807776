package org.griddesk.domain.ticket;

import java.time.Duration;

/// Numbers the lifecycle uses that are defaults, not law (DOMAIN.md marks them *(default)*): an
/// administrator may change them.
///
/// @param whistleCheckIn   working time a summoned team has to check in (报到)
/// @param maxExtensionDays most working days one extension may add
/// @param maxTextLength    longest reason, answer or result text
public record LifecycleRules(Duration whistleCheckIn, int maxExtensionDays, int maxTextLength) {
    public static final LifecycleRules DEFAULT = new LifecycleRules(Duration.ofHours(2), 30, 2000);
}

package org.griddesk.store;

import java.time.Instant;

/// One installation-wide fact, such as when this store was created.
public record SystemProperty(String key, String value, Instant updatedAt) {
    public static final String INSTALLED_AT = "installed_at";
    public static final String INSTALLED_VERSION = "installed_version";
}

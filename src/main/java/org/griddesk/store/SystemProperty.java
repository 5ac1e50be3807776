package org.griddesk.store;

import java.time.Instant;

/// One installation-wide fact, such as when this store was created.
public record SystemProperty(String key, String value, Instant updatedAt) {
    public static final String INSTALLED_AT = "installed_at";
    public static final String INSTALLED_VERSION = "installed_version";
    /// the district's administrative division code (行政区划代码, e.g. `120112` for 津南区): its
    /// Open311 `jurisdiction_id`
    public static final String DISTRICT_CODE = "district.code";
}

package org.griddesk.app;

/// A configuration value that cannot be used. Nothing starts with it.
///
/// @see ConfigFile
public final class ConfigException extends RuntimeException {
    private final String key;
    private final String value;

    private final String reasonKey;

    /// @param reasonKey message key (in `i18n/messages`) of what a valid value looks like
    public ConfigException(String key, String value, String reasonKey) {
        super("configuration '" + key + "' cannot be '" + value + "' (" + reasonKey + ")");
        this.key = key;
        this.value = value;
        this.reasonKey = reasonKey;
    }

    public String reasonKey() {
        return reasonKey;
    }

    public String key() {
        return key;
    }

    public String value() {
        return value;
    }
}

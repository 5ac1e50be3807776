package org.griddesk.app;

import java.util.Map;

/// What every command does first: find the data folder, create the commented config file on a
/// first start, read it, apply flags and environment on top, and set up logging.
///
/// @param folder     the data folder
/// @param configFile the configuration file in it
/// @param config     effective settings
/// @param firstStart true when this start created the configuration file
public record Bootstrap(DataFolder folder, ConfigFile configFile, AppConfig config, boolean firstStart) {

    static Bootstrap prepare(GlobalOptions options, Map<String, String> env, String consoleLevel) {
        options.validate();
        DataFolder folder = DataFolder.resolve(options.dataDir()).ensureExists();
        Logging.init(folder, consoleLevel);
        ConfigFile configFile = new ConfigFile(folder.configFile());
        boolean created = configFile.createIfMissing();
        AppConfig config = options.applyTo(configFile.load(env));
        return new Bootstrap(folder, configFile, config, created);
    }
}

package org.griddesk.app;

import java.nio.file.Path;
import org.griddesk.ui.Language;
import org.griddesk.ui.Theme;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/// Options every `griddesk` command understands, before or after the subcommand name.
public final class GlobalOptions {
    @Option(names = "--data-dir", paramLabel = "DIR", descriptionKey = "option.data-dir", scope = ScopeType.INHERIT)
    Path dataDir;

    @Option(names = "--db", paramLabel = "JDBC_URL", descriptionKey = "option.db", scope = ScopeType.INHERIT)
    String databaseUrl;

    @Option(names = "--db-user", paramLabel = "USER", descriptionKey = "option.db-user", scope = ScopeType.INHERIT)
    String databaseUser;

    @Option(names = "--lang", paramLabel = "zh_CN|en", descriptionKey = "option.lang", scope = ScopeType.INHERIT)
    String language;

    @Option(names = "--theme", paramLabel = "dark|light", descriptionKey = "option.theme", scope = ScopeType.INHERIT)
    String theme;

    public Path dataDir() {
        return dataDir;
    }

    /// Flags win over the file and the environment; bad flag values are refused by name.
    AppConfig applyTo(AppConfig config) {
        AppConfig result = config;
        if (databaseUrl != null) {
            result = result.withDatabaseUrl(databaseUrl);
        }
        if (databaseUser != null) {
            result = result.withDatabaseUser(databaseUser);
        }
        if (language != null) {
            result = result.withLanguage(Language.parse(language)
                    .orElseThrow(() -> new ConfigException("--lang", language, "reason.language")));
        }
        if (theme != null) {
            result = result.withTheme(Theme.parse(theme)
                    .orElseThrow(() -> new ConfigException("--theme", theme, "reason.theme")));
        }
        return result;
    }
}

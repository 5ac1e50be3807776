package org.griddesk.app;

import java.nio.file.Path;
import org.griddesk.store.DatabaseKind;
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

    /// Refuses bad flag values before anything is created on disk.
    void validate() {
        applyTo(null);
        if (databaseUrl != null && !databaseUrl.isBlank()) {
            DatabaseKind.fromUrl(databaseUrl);
        }
    }

    /// Flags win over the file and the environment; bad flag values are refused by name.
    AppConfig applyTo(AppConfig config) {
        Language lang = language == null ? null : Language.parse(language)
                .orElseThrow(() -> new ConfigException("--lang", language, "reason.language"));
        Theme chosenTheme = theme == null ? null : Theme.parse(theme)
                .orElseThrow(() -> new ConfigException("--theme", theme, "reason.theme"));
        if (config == null) {
            return null;
        }
        AppConfig result = config;
        if (databaseUrl != null) {
            result = result.withDatabaseUrl(databaseUrl);
        }
        if (databaseUser != null) {
            result = result.withDatabaseUser(databaseUser);
        }
        if (lang != null) {
            result = result.withLanguage(lang);
        }
        if (chosenTheme != null) {
            result = result.withTheme(chosenTheme);
        }
        return result;
    }
}

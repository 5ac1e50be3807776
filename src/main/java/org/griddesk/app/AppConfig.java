package org.griddesk.app;

import java.time.Duration;
import org.griddesk.domain.ShiftSchedule;
import org.griddesk.domain.ticket.LifecycleRules;
import org.griddesk.domain.ticket.TimingPolicy;
import org.griddesk.store.CommitDurability;
import org.griddesk.store.DatabaseSettings;
import org.griddesk.ui.Language;
import org.griddesk.ui.Theme;

/// The desk's effective settings: the config file with command-line flags and environment on top.
///
/// @param databaseUrl   JDBC URL; empty means the embedded H2 file in the data folder
/// @param databaseUser  database user (PostgreSQL)
/// @param databasePassword database password (PostgreSQL); from `GRIDDESK_DB_PASSWORD` preferably
/// @param databaseDurability what a commit on the embedded store has survived when it returns (`db.durability`)
/// @param gatewayBind   address the intake gateway listens on
/// @param gatewayPort   port the intake gateway listens on
/// @param tileSource    base map tiles: `none`, an XYZ/WMTS URL template or an MBTiles path
/// @param language      UI language
/// @param theme         UI theme
/// @param shifts        duty rota
/// @param timing        the first-time limits and the at-risk share for new tickets (`timing.*`)
/// @param whistleCheckIn working time a summoned team has to check in, for new whistles
/// @param alertSound    whether a desktop notification plays the system's beep (`alerts.sound`)
/// @param backups       where the embedded store's backups go, how long the daily ones are kept, and whether the desk takes them
public record AppConfig(String databaseUrl, String databaseUser, String databasePassword,
                        CommitDurability databaseDurability, String gatewayBind, int gatewayPort, String tileSource,
                        Language language, Theme theme, ShiftSchedule shifts, TimingPolicy timing, Duration whistleCheckIn,
                        boolean alertSound, BackupPolicy backups) {

    public DatabaseSettings databaseSettings(DataFolder folder) {
        if (databaseUrl == null || databaseUrl.isBlank()) {
            return DatabaseSettings.embeddedH2(folder.root()).withDurability(databaseDurability);
        }
        return new DatabaseSettings(databaseUrl.trim(), databaseUser, databasePassword, databaseDurability);
    }

    public AppConfig withDatabaseUrl(String url) {
        return new AppConfig(url, databaseUser, databasePassword, databaseDurability, gatewayBind,
                gatewayPort, tileSource, language, theme, shifts, timing, whistleCheckIn, alertSound, backups);
    }

    public AppConfig withDatabaseUser(String user) {
        return new AppConfig(databaseUrl, user, databasePassword, databaseDurability, gatewayBind,
                gatewayPort, tileSource, language, theme, shifts, timing, whistleCheckIn, alertSound, backups);
    }

    public AppConfig withDatabasePassword(String password) {
        return new AppConfig(databaseUrl, databaseUser, password, databaseDurability, gatewayBind,
                gatewayPort, tileSource, language, theme, shifts, timing, whistleCheckIn, alertSound, backups);
    }

    public AppConfig withGatewayPort(int port) {
        return new AppConfig(databaseUrl, databaseUser, databasePassword, databaseDurability, gatewayBind,
                port, tileSource, language, theme, shifts, timing, whistleCheckIn, alertSound, backups);
    }

    public AppConfig withLanguage(Language lang) {
        return new AppConfig(databaseUrl, databaseUser, databasePassword, databaseDurability, gatewayBind,
                gatewayPort, tileSource, lang, theme, shifts, timing, whistleCheckIn, alertSound, backups);
    }

    public AppConfig withTheme(Theme newTheme) {
        return new AppConfig(databaseUrl, databaseUser, databasePassword, databaseDurability, gatewayBind,
                gatewayPort, tileSource, language, newTheme, shifts, timing, whistleCheckIn, alertSound, backups);
    }

    /// the lifecycle's rules with the configured check-in time (the other rules stay the code's)
    public LifecycleRules lifecycleRules() {
        return new LifecycleRules(whistleCheckIn, LifecycleRules.DEFAULT.maxExtensionDays(), LifecycleRules.DEFAULT.maxTextLength());
    }
}

package org.griddesk.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.griddesk.domain.ShiftSchedule;
import org.griddesk.domain.ticket.LifecycleRules;
import org.griddesk.domain.ticket.TimingPolicy;
import org.griddesk.store.CommitDurability;
import org.griddesk.ui.Language;
import org.griddesk.ui.Theme;

/// The commented `griddesk.properties` in the data folder: created on first start, read on every
/// start, and updated in place (comments kept) when the user changes language or theme in the menu.
public final class ConfigFile {
    static final String TEMPLATE = "griddesk.properties.template";

    public static final String DB_URL = "db.url";
    public static final String DB_USER = "db.user";
    public static final String DB_PASSWORD = "db.password";
    public static final String DB_DURABILITY = "db.durability";
    public static final String GATEWAY_BIND = "gateway.bind";
    public static final String GATEWAY_PORT = "gateway.port";
    public static final String MAP_TILES = "map.tiles";
    public static final String UI_LANGUAGE = "ui.language";
    public static final String UI_THEME = "ui.theme";
    public static final String SHIFT_SCHEDULE = "shift.schedule";
    // ---- timers (issue 24): the first-time limits, the at-risk share, the whistle check-in, the notifications' sound
    public static final String TIMING_ACCEPT = "timing.accept.minutes";
    public static final String TIMING_CONTACT = "timing.contact.minutes";
    public static final String TIMING_CALLBACK = "timing.callback.workdays";
    public static final String TIMING_AT_RISK = "timing.atrisk.percent";
    public static final String TIMING_CHECK_IN = "timing.whistle.checkin.minutes";
    public static final String ALERTS_SOUND = "alerts.sound";
    // ---- backups of the embedded store (issue 27)
    public static final String BACKUP_DAILY = "backup.daily";
    public static final String BACKUP_KEEP_DAYS = "backup.keep.days";
    public static final String BACKUP_FOLDER = "backup.folder";
    /// the longest check-in time a whistle may give (a day of working time)
    static final int MAX_CHECK_IN_MINUTES = 24 * 60;

    private final Path path;

    public ConfigFile(Path path) {
        this.path = path;
    }

    public Path path() {
        return path;
    }

    /// Writes the commented default file if there is none. Returns true when it was created.
    public boolean createIfMissing() {
        if (Files.exists(path)) {
            return false;
        }
        try (InputStream template = ConfigFile.class.getResourceAsStream(TEMPLATE)) {
            if (template == null) {
                throw new IllegalStateException("the configuration template is missing from the application");
            }
            Files.createDirectories(path.getParent());
            Path tmp = path.resolveSibling(path.getFileName() + ".tmp");
            Files.copy(template, tmp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(tmp, path, StandardCopyOption.ATOMIC_MOVE);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path, e);
        }
    }

    /// Reads and validates the file, then lets the environment (`GRIDDESK_DB_*`) override it.
    public AppConfig load(Map<String, String> env) {
        Properties p = new Properties();
        if (Files.exists(path)) {
            try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
                p.load(reader);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + path, e);
            }
        }
        String url = firstNonBlank(env.get("GRIDDESK_DB_URL"), p.getProperty(DB_URL, ""));
        String user = firstNonBlank(env.get("GRIDDESK_DB_USER"), p.getProperty(DB_USER, ""));
        String password = firstNonBlank(env.get("GRIDDESK_DB_PASSWORD"), p.getProperty(DB_PASSWORD, ""));
        String durabilityText = p.getProperty(DB_DURABILITY, CommitDurability.PROCESS.configValue());
        CommitDurability durability = CommitDurability.parse(durabilityText)
                .orElseThrow(() -> new ConfigException(DB_DURABILITY, durabilityText, "reason.durability"));
        String bind = p.getProperty(GATEWAY_BIND, "127.0.0.1").trim();
        int port = parsePort(GATEWAY_PORT, p.getProperty(GATEWAY_PORT, "8890")); // 0: the desk runs no gateway
        String tiles = p.getProperty(MAP_TILES, "none").trim();
        try {
            BaseMap.check(tiles);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(MAP_TILES, tiles, "reason.tiles");
        }
        String langText = p.getProperty(UI_LANGUAGE, "zh_CN");
        Language language = Language.parse(langText)
                .orElseThrow(() -> new ConfigException(UI_LANGUAGE, langText, "reason.language"));
        String themeText = p.getProperty(UI_THEME, "dark");
        Theme theme = Theme.parse(themeText)
                .orElseThrow(() -> new ConfigException(UI_THEME, themeText, "reason.theme"));
        String shiftText = p.getProperty(SHIFT_SCHEDULE, ShiftSchedule.DEFAULT_SPEC);
        ShiftSchedule shifts;
        try {
            shifts = ShiftSchedule.parse(shiftText);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(SHIFT_SCHEDULE, shiftText, "reason.shifts");
        }
        TimingPolicy d = TimingPolicy.DEFAULT;
        TimingPolicy timing = new TimingPolicy(
                Duration.ofMinutes(whole(p, TIMING_ACCEPT, (int) d.acceptWithin().toMinutes(), TimingPolicy.MAX_ACCEPT_MINUTES)),
                Duration.ofMinutes(whole(p, TIMING_CONTACT, (int) d.contactWithin().toMinutes(), TimingPolicy.MAX_CONTACT_MINUTES)),
                whole(p, TIMING_CALLBACK, d.callbackWorkingDays(), TimingPolicy.MAX_CALLBACK_WORKING_DAYS),
                whole(p, TIMING_AT_RISK, d.atRiskPercent(), TimingPolicy.MAX_AT_RISK_PERCENT) / 100.0);
        Duration checkIn = Duration.ofMinutes(whole(p, TIMING_CHECK_IN, (int) LifecycleRules.DEFAULT.whistleCheckIn().toMinutes(),
                MAX_CHECK_IN_MINUTES));
        String soundText = p.getProperty(ALERTS_SOUND, "off").trim();
        if (!soundText.equals("off") && !soundText.equals("beep")) {
            throw new ConfigException(ALERTS_SOUND, soundText, "reason.alertsSound");
        }
        String dailyText = p.getProperty(BACKUP_DAILY, "on").trim();
        if (!dailyText.equals("on") && !dailyText.equals("off")) {
            throw new ConfigException(BACKUP_DAILY, dailyText, "reason.onOff");
        }
        BackupPolicy backups = new BackupPolicy(p.getProperty(BACKUP_FOLDER, "").trim(),
                whole(p, BACKUP_KEEP_DAYS, BackupPolicy.DEFAULT_KEEP_DAYS, BackupPolicy.MAX_KEEP_DAYS), dailyText.equals("on"));
        return new AppConfig(url.trim(), user.trim(), password, durability, bind.isEmpty() ? "127.0.0.1" : bind, port,
                tiles.isEmpty() ? "none" : tiles, language, theme, shifts, timing, checkIn, soundText.equals("beep"), backups);
    }

    /// A whole number from 1 to `max` (the key's default when absent or empty); refused naming the key otherwise.
    static int whole(Properties p, String key, int byDefault, int max) {
        String text = p.getProperty(key, "").trim();
        if (text.isEmpty()) {
            return byDefault;
        }
        try {
            int value = Integer.parseInt(text);
            if (value >= 1 && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ConfigException(key, text, "reason." + key);
    }

    /// One key's value as written in the file (trimmed), or empty when the file or the key is missing.
    public Optional<String> value(String key) {
        if (!Files.exists(path)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            p.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
        return Optional.ofNullable(p.getProperty(key)).map(String::trim).filter(v -> !v.isEmpty());
    }

    /// Sets one key, keeping every comment and every other line as it was.
    public void update(String key, String value) {
        if (value.contains("\n") || value.contains("\r")) {
            throw new IllegalArgumentException("a configuration value must be one line");
        }
        createIfMissing();
        try {
            List<String> lines = new ArrayList<>(Files.readAllLines(path, StandardCharsets.UTF_8));
            String entry = key + "=" + value.replace("\\", "\\\\");
            boolean replaced = false;
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).stripLeading();
                if (line.startsWith(key + "=") || line.startsWith(key + " =") || line.startsWith(key + ":")) {
                    lines.set(i, entry);
                    replaced = true;
                }
            }
            if (!replaced) {
                lines.add(entry);
            }
            Path tmp = path.resolveSibling(path.getFileName() + ".tmp");
            Files.write(tmp, lines, StandardCharsets.UTF_8);
            Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot update " + path, e);
        }
    }

    static int parsePort(String key, String text) {
        try {
            int port = Integer.parseInt(text.trim());
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ConfigException(key, text, "reason.port");
    }

    private static String firstNonBlank(String first, String second) {
        return first != null && !first.isBlank() ? first : second;
    }
}

package org.griddesk.store.backup;

import java.util.Locale;

/// A backup that cannot be taken or a restore that is refused, with the reason in Chinese and English;
/// nothing was replaced.
public final class BackupRefused extends RuntimeException {
    private final String zh;
    private final String en;

    public BackupRefused(String zh, String en) {
        super(en);
        this.zh = zh;
        this.en = en;
    }

    public BackupRefused(String zh, String en, Throwable cause) {
        super(en, cause);
        this.zh = zh;
        this.en = en;
    }

    public String message(Locale locale) {
        return Locale.CHINESE.getLanguage().equals(locale.getLanguage()) ? zh : en;
    }
}

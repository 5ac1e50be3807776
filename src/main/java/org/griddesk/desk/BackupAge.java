package org.griddesk.desk;

import java.time.Duration;
import org.griddesk.ui.Language;

/// How old a backup is, in the words of the status bar and `griddesk db backups`: `刚刚`, `25 分钟前`,
/// `3 小时前`, `2 天前` (`just now`, `25 min ago`, `3 h ago`, `2 d ago`).
public final class BackupAge {
    private BackupAge() {
    }

    public static String words(Duration age, Language language) {
        boolean zh = language != Language.EN;
        long minutes = Math.max(0, age.toMinutes());
        if (minutes < 1) {
            return zh ? "刚刚" : "just now";
        }
        if (minutes < 60) {
            return minutes + (zh ? " 分钟前" : " min ago");
        }
        if (minutes < 48 * 60) {
            return minutes / 60 + (zh ? " 小时前" : " h ago");
        }
        return minutes / (24 * 60) + (zh ? " 天前" : " d ago");
    }
}

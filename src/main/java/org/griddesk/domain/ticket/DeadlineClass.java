package org.griddesk.domain.ticket;

import java.util.Locale;
import java.util.Optional;

/// How long a ticket may take, in working days (DOMAIN.md §6).
public enum DeadlineClass {
    /// 紧急类: at most 2 working days
    URGENT(2),
    /// 一般投诉、举报、意见建议: 7 working days
    GENERAL(7),
    /// set by law or a department, per item
    STATUTORY(0);

    private final int defaultDays;

    DeadlineClass(int defaultDays) {
        this.defaultDays = defaultDays;
    }

    public int defaultDays() {
        return defaultDays;
    }

    public static Optional<DeadlineClass> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "urgent", "紧急" -> Optional.of(URGENT);
            case "general", "一般" -> Optional.of(GENERAL);
            case "statutory", "法定" -> Optional.of(STATUTORY);
            default -> Optional.empty();
        };
    }
}

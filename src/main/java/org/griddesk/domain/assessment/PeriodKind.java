package org.griddesk.domain.assessment;

/// How a period was asked for: a day, a week (Monday to Sunday), a calendar month, or any range of days.
public enum PeriodKind {
    DAY("日"),
    WEEK("周"),
    MONTH("月"),
    CUSTOM("自定义");

    private final String zhName;

    PeriodKind(String zhName) {
        this.zhName = zhName;
    }

    public String zhName() {
        return zhName;
    }
}

package org.griddesk.domain.calendar;

/// What a calendar day is for deadline counting.
public enum DayKind {
    /// Monday to Friday, no holiday
    WORKDAY(true),
    /// Saturday or Sunday, no swap
    WEEKEND(false),
    /// a day off by the holiday notice (法定节假日)
    HOLIDAY(false),
    /// a weekend day made a working day by the notice (调休上班)
    SWAPPED_WORKDAY(true);

    private final boolean working;

    DayKind(boolean working) {
        this.working = working;
    }

    public boolean isWorking() {
        return working;
    }
}

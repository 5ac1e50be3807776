package org.griddesk.security;

/// The columns that hold personal data sealed at rest. Each is bound into its values' seal (the
/// GCM associated data), so a value copied from one column into another does not open there.
public enum PersonalField {
    CALLER_NAME("ticket.caller_name"),
    CALLER_PHONE("ticket.caller_phone"),
    HOUSEHOLD_NAME("visit_household.head_name"),
    HOUSEHOLD_PHONE("visit_household.phone"),
    HOUSEHOLD_ADDRESS("visit_household.address"),
    /// a care record's note on a special-groups household (关爱帮扶)
    CARE_NOTE("household_care.note");

    private final String column;

    PersonalField(String column) {
        this.column = column;
    }

    public String column() {
        return column;
    }
}

package org.griddesk.security;

import java.util.List;

/// What the system administrator does to the table of alarm kinds (a video alarm's type, a sensor
/// platform's source) and the items they name, so that such a ticket arrives with its item and team
/// known. Each call needs [org.griddesk.domain.org.Permission#CONFIGURATION_MANAGE], checked here,
/// below any screen or command; every change is audited, and a refusal throws [AccountRefused],
/// audited, changing nothing.
public interface AlarmKindAdministration {
    /// Every kind mapped, by kind.
    List<AlarmKind> alarmKinds(Session by);

    /// The catalogue's items a kind may name, by code.
    List<ItemChoice> alarmKindItems(Session by);

    /// Maps `kind` to the item `itemCode` (replacing its mapping).
    void mapAlarmKind(Session by, String kind, String itemCode);

    /// Removes the kind's mapping.
    void unmapAlarmKind(Session by, String kind);

    /// @param itemName null when the catalogue no longer has the item
    record AlarmKind(String kind, String itemCode, String itemName) {
    }

    record ItemChoice(String code, String name) {
        @Override
        public String toString() {
            return code + " " + name;
        }
    }
}

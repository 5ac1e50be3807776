package org.griddesk.domain.org;

import static org.griddesk.domain.org.Permission.*;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/// The one table of who may do what (docs/security.md prints it). The lifecycle, the reveal of
/// personal data, exports, administration and the gateway all ask it; views ask the same table
/// only to grey out what would be refused anyway.
public final class Permissions {
    private static final Map<Role, Set<Permission>> TABLE = new EnumMap<>(Role.class);

    static {
        Set<Permission> centreStaff = EnumSet.of(TICKET_REPORT, TICKET_ACCEPT, TICKET_REJECT, TICKET_ANSWER, TICKET_DISPATCH,
                TICKET_WITHDRAW_DISPATCH, TICKET_MERGE, TICKET_WHISTLE, TICKET_VERIFY, TICKET_CALL_BACK, TICKET_CLOSE,
                TICKET_REOPEN, TICKET_CONTACT_CITIZEN, TICKET_REQUEST_EXTENSION, QUEUE_READ, PERSONAL_DATA_REVEAL,
                TICKETS_EXPORT, DESK_ENTRY, TICKET_PLACE, TICKET_TRANSFER,
                TICKET_TRANSFER_DECIDE);
        TABLE.put(Role.DISPATCHER, centreStaff);
        Set<Permission> supervisor = EnumSet.copyOf(centreStaff);
        supervisor.addAll(EnumSet.of(TICKET_CLOSE_DISSATISFIED, TICKET_REOPEN_CLOSED, TICKET_DECIDE_EXTENSION, TICKET_ESCALATE,
                TICKET_URGE, ASSESSMENT_READ, CONSULTATION_RECORD, SHIFT_HANDOVER, TICKET_REFER_CITY, SPECIAL_GROUPS_READ,
                CARE_RECORD, VISIT_EVENT_DECLARE));
        TABLE.put(Role.SUPERVISOR, supervisor);
        TABLE.put(Role.HANDLER, EnumSet.of(TICKET_SIGN, TICKET_RETURN, TICKET_REPORT_HANDLED, TICKET_CHECK_IN,
                TICKET_REQUEST_EXTENSION, TICKET_CONTACT_CITIZEN, QUEUE_READ, PERSONAL_DATA_REVEAL));
        TABLE.put(Role.DISTRICT_MANAGER, EnumSet.of(QUEUE_READ, DISTRICT_READ, WALL_READ, ASSESSMENT_READ, TICKETS_EXPORT,
                PERSONAL_DATA_REVEAL, SPECIAL_GROUPS_READ));
        TABLE.put(Role.GRID_WORKER, EnumSet.of(TICKET_REPORT, VISIT_RECORD, TICKET_SITE_CHECK));
        TABLE.put(Role.WALL_DISPLAY, EnumSet.of(WALL_READ));
        TABLE.put(Role.SYSTEM_ADMIN, EnumSet.of(ACCOUNT_MANAGE, ORGANISATION_MANAGE, CONFIGURATION_MANAGE, CHANNEL_KEYS_MANAGE,
                WORKER_TOKEN_MANAGE));
        TABLE.put(Role.SECURITY_ADMIN, EnumSet.of(ROLE_ASSIGN, PASSWORD_POLICY_MANAGE, ACCOUNT_UNLOCK, PASSWORD_RESET));
        TABLE.put(Role.AUDIT_ADMIN, EnumSet.of(AUDIT_READ, AUDIT_EXPORT));
        TABLE.put(Role.CHANNEL, EnumSet.of(TICKET_REPORT, TICKET_FOLD_ALARM));
        TABLE.replaceAll((role, permissions) -> Collections.unmodifiableSet(permissions));
    }

    private Permissions() {
    }

    public static boolean allows(Role role, Permission permission) {
        return role != null && TABLE.get(role).contains(permission);
    }

    /// Whether any of `roles` holds the permission (an account may carry several roles).
    public static boolean allows(Set<Role> roles, Permission permission) {
        return roles.stream().anyMatch(role -> allows(role, permission));
    }

    public static Set<Permission> of(Role role) {
        return TABLE.get(role);
    }

    /// The roles holding a permission, in declaration order.
    public static Set<Role> holders(Permission permission) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        TABLE.forEach((role, permissions) -> {
            if (permissions.contains(permission)) {
                roles.add(role);
            }
        });
        return roles;
    }
}

package org.griddesk.domain.org;

import java.util.EnumSet;
import java.util.Set;

/// What a person (or a system) does in GridDesk; DOMAIN.md §1 and docs/security.md. What each role
/// may do is [Permissions]' table, nowhere else.
public enum Role {
    /// 调度员/受理员 of a centre (district or town)
    DISPATCHER,
    /// 值班长 of a centre
    SUPERVISOR,
    /// 处置人员 of a team (town team or district department)
    HANDLER,
    /// 区级管理人员: reads everything in the district, the assessment and the reports
    DISTRICT_MANAGER,
    /// 专职网格员: the workers' app (API) only
    GRID_WORKER,
    /// 大屏展示: the wall, read-only, no personal data
    WALL_DISPLAY,
    /// 系统管理员 (三员之一): accounts, organisation, configuration
    SYSTEM_ADMIN,
    /// 安全管理员 (三员之一): roles, permissions, password policy, unlocks
    SECURITY_ADMIN,
    /// 审计管理员 (三员之一): reads and exports the audit log only
    AUDIT_ADMIN,
    /// an intake channel or a department's system posting through the gateway (a key, not a person)
    CHANNEL;

    /// The three separated administrators of GB/T 22239 level 3 (三员分立): no account holds two.
    public static final Set<Role> ADMINISTRATORS = EnumSet.of(SYSTEM_ADMIN, SECURITY_ADMIN, AUDIT_ADMIN);

    /// Roles a person's account may carry (channels are keys, not people).
    public static final Set<Role> PERSONAL = EnumSet.complementOf(EnumSet.of(CHANNEL));

    public boolean isAdministrator() {
        return ADMINISTRATORS.contains(this);
    }
}

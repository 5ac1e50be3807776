package org.griddesk.domain.org;

/// What a person (or a system) does in GridDesk; DOMAIN.md §1.
public enum Role {
    /// 调度员/受理员
    DISPATCHER,
    /// 值班长
    SUPERVISOR,
    /// 处置队伍 (town team or district department)
    HANDLER,
    /// 专职网格员
    GRID_WORKER,
    ADMINISTRATOR,
    /// read-only wall and reports
    LEADER,
    /// an intake channel posting through the gateway
    CHANNEL
}

package org.griddesk.domain.ticket;

/// The states of the closed loop (DOMAIN.md §5), with the names dispatchers use.
public enum TicketState {
    REPORTED("待受理"),
    ACCEPTED("已受理"),
    ANSWERED("已答复"),
    DISPATCHED("已分拨"),
    RETURNED("已退回"),
    IN_PROGRESS("处置中"),
    HANDLED("待验收"),
    VERIFIED("已验收"),
    CALLBACK("已回访"),
    CLOSED("已办结"),
    MERGED("已合并"),
    /// handed up to the next centre, waiting for it to accept (提级办理)
    ESCALATED("已提级"),
    /// refused at intake as invalid, with a reason (不予受理)
    REJECTED("不予受理");

    private final String zhName;

    TicketState(String zhName) {
        this.zhName = zhName;
    }

    public String zhName() {
        return zhName;
    }

    /// CLOSED, MERGED and REJECTED end the loop; only a reopen leaves CLOSED.
    public boolean isTerminal() {
        return this == CLOSED || this == MERGED || this == REJECTED;
    }

    /// Being worked on: accepted and not yet handled.
    public boolean isBeingHandled() {
        return this == ACCEPTED || this == DISPATCHED || this == RETURNED || this == IN_PROGRESS;
    }
}

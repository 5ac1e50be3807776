package org.griddesk.dispatch;

/// A lifecycle action as the desk offers it: its message key (`action.*`, from the refusals bundle),
/// the input its form asks for, and whether a person must write a text for it.
///
/// [ActionInput#commands(Action, org.griddesk.domain.ticket.Ticket)] turns a filled form into the lifecycle commands; the rules themselves
/// decide, as the user types, whether it may run ([TicketActions#check]).
public enum Action {
    /// 接收移交 / 拒收: the receiving centre's answer to a ticket handed to it (first: nothing else
    /// may be done to it until it answers)
    ACCEPT_TRANSFER("action.acceptTransfer", Input.TEXT),
    REFUSE_TRANSFER("action.refuseTransfer", Input.TEXT),
    /// 撤回移交: the sender takes back its hand-over while it waits for an answer
    WITHDRAW_TRANSFER("action.withdrawTransfer", Input.TEXT),
    /// 受理并派单: accept with the item's deadline, then dispatch, in one go (the common case)
    ACCEPT_AND_DISPATCH("action.acceptDispatch", Input.TEAM),
    ACCEPT("action.accept", Input.ITEM),
    DISPATCH("action.dispatch", Input.TEAM),
    WITHDRAW_DISPATCH("action.withdrawDispatch", Input.NONE),
    ANSWER("action.answer", Input.TEXT),
    REJECT("action.reject", Input.TEXT),
    MERGE("action.merge", Input.MASTER),
    WHISTLE("action.whistle", Input.DEPARTMENTS),
    ESCALATE("action.escalate", Input.TEXT),
    /// 定位: place on a grid (first for a ticket the intake could not place), or correct the grid
    PLACE("action.place", Input.GRID),
    /// 确认定位: keeps the grid the ticket is on, answering a new map's question ([org.griddesk.domain.ticket.PlaceReview])
    CONFIRM_PLACE("action.confirmPlace", Input.TEXT),
    /// 移交: hand to another town centre
    TRANSFER("action.transfer", Input.CENTRE),
    /// 报请市级
    REFER_CITY("action.referCity", Input.REFERENCE),
    REQUEST_EXTENSION("action.requestExtension", Input.DAYS),
    APPROVE_EXTENSION("action.approveExtension", Input.CITIZEN_INFORMED),
    REJECT_EXTENSION("action.rejectExtension", Input.TEXT),
    VERIFY_PASS("action.verifyPass", Input.TEXT),
    VERIFY_FAIL("action.verifyFail", Input.TEXT),
    CALL_BACK("action.callBack", Input.CALLBACK),
    CLOSE("action.close", Input.TEXT),
    REOPEN("action.reopen", Input.TEXT),
    URGE("action.urge", Input.TEXT),
    CONTACT("action.contact", Input.TEXT),
    SIGN("action.sign", Input.NONE),
    RETURN("action.return", Input.TEXT),
    CHECK_IN("action.checkIn", Input.NONE),
    REPORT_HANDLED("action.reportHandled", Input.TEXT);

    /// What the action's form asks for besides an optional or required text.
    public enum Input {
        NONE,
        TEXT,
        ITEM,
        TEAM,
        DEPARTMENTS,
        MASTER,
        DAYS,
        CITIZEN_INFORMED,
        CALLBACK,
        /// a grid to place the ticket on
        GRID,
        /// a town centre to hand the ticket to, and the reason
        CENTRE,
        /// a reason and the city platform's reference number
        REFERENCE
    }

    private final String key;
    private final Input input;

    Action(String key, Input input) {
        this.key = key;
        this.input = input;
    }

    public String key() {
        return key;
    }

    public Input input() {
        return input;
    }

    /// Whether the form has a text box (a reason, a note or an answer), required or not.
    public boolean hasText() {
        return input == Input.TEXT || input == Input.DAYS || input == Input.CITIZEN_INFORMED || input == Input.CALLBACK
                || input == Input.CENTRE || input == Input.REFERENCE;
    }
}

package org.griddesk.dispatch;

import java.util.List;
import org.griddesk.domain.ticket.CallbackResult;
import org.griddesk.domain.ticket.DeadlinePolicy;
import org.griddesk.domain.ticket.Ticket;
import org.griddesk.domain.ticket.TicketCommand;
import org.griddesk.domain.ticket.TicketState;

/// What a user filled in an action's form. Fields the action does not ask for are ignored.
///
/// @param text            reason, note or answer ("" when none)
/// @param itemCode        the item to accept as (accept, accept-and-dispatch)
/// @param policy          the item's deadline class, urgent when the request was urgent
/// @param consultation    whether the item is a consultation the centre may answer
/// @param teamId          the team to dispatch to
/// @param departmentIds   district departments to summon
/// @param masterCode      the code of the ticket to merge into
/// @param days            working days of an extension
/// @param citizenInformed the citizen was told the new due date (extension approval)
/// @param callback        the citizen's verdict at callback
public record ActionInput(String text, String itemCode, DeadlinePolicy policy, boolean consultation, String teamId,
                          List<String> departmentIds, String masterCode, int days, boolean citizenInformed,
                          CallbackResult callback) {
    public static final ActionInput EMPTY = new ActionInput("", null, null, false, "", List.of(), null, 0, false, null);

    /// Whether the ticket still waits to be accepted: reported, or escalated up to a new centre.
    public static boolean needsAccepting(Ticket t) {
        return t.state() == TicketState.REPORTED || t.state() == TicketState.ESCALATED;
    }

    public ActionInput {
        text = text == null ? "" : text;
        teamId = teamId == null ? "" : teamId;
        departmentIds = departmentIds == null ? List.of() : List.copyOf(departmentIds);
    }

    public ActionInput withText(String newText) {
        return new ActionInput(newText, itemCode, policy, consultation, teamId, departmentIds, masterCode, days, citizenInformed, callback);
    }

    public ActionInput withItem(String code, DeadlinePolicy newPolicy, boolean isConsultation) {
        return new ActionInput(text, code, newPolicy, isConsultation, teamId, departmentIds, masterCode, days, citizenInformed, callback);
    }

    public ActionInput withTeam(String id) {
        return new ActionInput(text, itemCode, policy, consultation, id, departmentIds, masterCode, days, citizenInformed, callback);
    }

    public ActionInput withDepartments(List<String> ids) {
        return new ActionInput(text, itemCode, policy, consultation, teamId, ids, masterCode, days, citizenInformed, callback);
    }

    public ActionInput withMaster(String code) {
        return new ActionInput(text, itemCode, policy, consultation, teamId, departmentIds, code, days, citizenInformed, callback);
    }

    public ActionInput withDays(int n) {
        return new ActionInput(text, itemCode, policy, consultation, teamId, departmentIds, masterCode, n, citizenInformed, callback);
    }

    public ActionInput withCitizenInformed(boolean told) {
        return new ActionInput(text, itemCode, policy, consultation, teamId, departmentIds, masterCode, days, told, callback);
    }

    public ActionInput withCallback(CallbackResult result) {
        return new ActionInput(text, itemCode, policy, consultation, teamId, departmentIds, masterCode, days, citizenInformed, result);
    }

    /// The lifecycle commands the action runs on `ticket`, in order (`master`: the ticket read for
    /// [#masterCode], or null). Accept-and-dispatch accepts only a ticket still waiting to be
    /// accepted (reported, or escalated up to this centre).
    public List<TicketCommand> commands(Action action, Ticket ticket, Ticket master) {
        if (action == Action.ACCEPT_AND_DISPATCH && !needsAccepting(ticket)) {
            return List.of(new TicketCommand.Dispatch(teamId));
        }
        TicketCommand accept = new TicketCommand.Accept(itemCode, policy, consultation);
        return switch (action) {
            case ACCEPT_AND_DISPATCH -> List.of(accept, new TicketCommand.Dispatch(teamId));
            case ACCEPT -> List.of(accept);
            case DISPATCH -> List.of(new TicketCommand.Dispatch(teamId));
            case WITHDRAW_DISPATCH -> List.of(new TicketCommand.WithdrawDispatch());
            case ANSWER -> List.of(new TicketCommand.Answer(text));
            case REJECT -> List.of(new TicketCommand.RejectInvalid(text));
            case MERGE -> List.of(new TicketCommand.Merge(master));
            case WHISTLE -> List.of(new TicketCommand.Whistle(departmentIds));
            case ESCALATE -> List.of(new TicketCommand.Escalate(text));
            case REQUEST_EXTENSION -> List.of(new TicketCommand.RequestExtension(days, text));
            case APPROVE_EXTENSION -> List.of(new TicketCommand.ApproveExtension(citizenInformed, text));
            case REJECT_EXTENSION -> List.of(new TicketCommand.RejectExtension(text));
            case VERIFY_PASS -> List.of(new TicketCommand.VerifyPass(text));
            case VERIFY_FAIL -> List.of(new TicketCommand.VerifyFail(text));
            case CALL_BACK -> List.of(new TicketCommand.CallBack(callback, text));
            case CLOSE -> List.of(new TicketCommand.Close(text));
            case REOPEN -> List.of(new TicketCommand.Reopen(text));
            case URGE -> List.of(new TicketCommand.Urge(text));
            case CONTACT -> List.of(new TicketCommand.ContactCitizen(text));
            case SIGN -> List.of(new TicketCommand.Sign());
            case RETURN -> List.of(new TicketCommand.Return(text));
            case CHECK_IN -> List.of(new TicketCommand.CheckIn());
            case REPORT_HANDLED -> List.of(new TicketCommand.ReportHandled(text, List.of()));
        };
    }
}

package org.griddesk.dispatch;

import java.util.List;
import org.griddesk.domain.ticket.Attachment;
import org.griddesk.domain.ticket.CallbackResult;
import org.griddesk.domain.ticket.DeadlinePolicy;
import org.griddesk.domain.ticket.Ticket;
import org.griddesk.domain.ticket.TicketState;

/// An action's form as the user fills it (or a command-bar line, or the defaults a drop starts
/// from): every field any form may ask for; those the action does not ask for are ignored.
/// [TicketActions#command] makes the [DeskCommand] it stands for.
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
/// @param gridCode        the grid to place the ticket on (定位)
/// @param centreId        the town centre to hand the ticket to (移交)
/// @param reference       the city platform's number for a referral (报请市级), optional
/// @param attachments     files attached as evidence (report handled)
public record ActionInput(String text, String itemCode, DeadlinePolicy policy, boolean consultation, String teamId,
                          List<String> departmentIds, String masterCode, int days, boolean citizenInformed,
                          CallbackResult callback, String gridCode, String centreId, String reference,
                          List<Attachment> attachments) {
    public static final ActionInput EMPTY = new ActionInput("", null, null, false, "", List.of(), null, 0, false, null, "", "", "",
            List.of());

    /// Whether the ticket still waits to be accepted: reported, or escalated up to a new centre.
    public static boolean needsAccepting(Ticket t) {
        return t.state() == TicketState.REPORTED || t.state() == TicketState.ESCALATED;
    }

    public ActionInput {
        text = text == null ? "" : text;
        teamId = teamId == null ? "" : teamId;
        departmentIds = departmentIds == null ? List.of() : List.copyOf(departmentIds);
        gridCode = gridCode == null ? "" : gridCode;
        centreId = centreId == null ? "" : centreId;
        reference = reference == null ? "" : reference;
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    public ActionInput withText(String newText) {
        return new ActionInput(newText, itemCode, policy, consultation, teamId, departmentIds, masterCode, days, citizenInformed, callback, gridCode, centreId, reference, attachments);
    }

    public ActionInput withItem(String code, DeadlinePolicy newPolicy, boolean isConsultation) {
        return new ActionInput(text, code, newPolicy, isConsultation, teamId, departmentIds, masterCode, days, citizenInformed, callback, gridCode, centreId, reference, attachments);
    }

    public ActionInput withTeam(String id) {
        return new ActionInput(text, itemCode, policy, consultation, id, departmentIds, masterCode, days, citizenInformed, callback, gridCode, centreId, reference, attachments);
    }

    public ActionInput withDepartments(List<String> ids) {
        return new ActionInput(text, itemCode, policy, consultation, teamId, ids, masterCode, days, citizenInformed, callback, gridCode, centreId, reference, attachments);
    }

    public ActionInput withMaster(String code) {
        return new ActionInput(text, itemCode, policy, consultation, teamId, departmentIds, code, days, citizenInformed, callback, gridCode, centreId, reference, attachments);
    }

    public ActionInput withDays(int n) {
        return new ActionInput(text, itemCode, policy, consultation, teamId, departmentIds, masterCode, n, citizenInformed, callback, gridCode, centreId, reference, attachments);
    }

    public ActionInput withCitizenInformed(boolean told) {
        return new ActionInput(text, itemCode, policy, consultation, teamId, departmentIds, masterCode, days, told, callback, gridCode, centreId, reference, attachments);
    }

    public ActionInput withCallback(CallbackResult result) {
        return new ActionInput(text, itemCode, policy, consultation, teamId, departmentIds, masterCode, days, citizenInformed, result, gridCode, centreId, reference, attachments);
    }

    public ActionInput withGrid(String code) {
        return new ActionInput(text, itemCode, policy, consultation, teamId, departmentIds, masterCode, days, citizenInformed, callback, code, centreId, reference, attachments);
    }

    public ActionInput withCentre(String id) {
        return new ActionInput(text, itemCode, policy, consultation, teamId, departmentIds, masterCode, days, citizenInformed, callback, gridCode, id, reference, attachments);
    }

    public ActionInput withReference(String number) {
        return new ActionInput(text, itemCode, policy, consultation, teamId, departmentIds, masterCode, days, citizenInformed, callback, gridCode, centreId, number, attachments);
    }

    public ActionInput withAttachments(List<Attachment> files) {
        return new ActionInput(text, itemCode, policy, consultation, teamId, departmentIds, masterCode, days, citizenInformed, callback, gridCode, centreId, reference, files);
    }
}

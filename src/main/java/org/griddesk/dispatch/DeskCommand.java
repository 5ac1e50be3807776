package org.griddesk.dispatch;

import java.util.List;
import java.util.Optional;
import org.griddesk.domain.ticket.Attachment;
import org.griddesk.domain.ticket.CallbackResult;
import org.griddesk.domain.ticket.DeadlinePolicy;
import org.griddesk.domain.ticket.Ticket;
import org.griddesk.domain.ticket.TicketCommand;

/// One thing a person does at the desk to one ticket, whatever started it: a button, a menu, a
/// key, the command bar, a drop, a test. It carries the ticket as the person saw it (its version is
/// checked before anything is written), what they chose, and what it asks of the lifecycle.
/// [TicketActions#check] says whether it may run; [DeskCore#run] runs it; [#undo] is the command that
/// takes it back, where one does.
public sealed interface DeskCommand {
    /// The ticket as the person saw it.
    Ticket ticket();

    /// The verb: its name, its form, its key in the command bar.
    Action action();

    /// The lifecycle commands it runs on `current` (the ticket as it is when it runs), in order.
    /// `master` is the ticket a merge goes into, read when it runs (null otherwise).
    List<TicketCommand> lifecycle(Ticket current, Ticket master);

    /// The team this command dispatches the ticket to, for those that do.
    default Optional<String> dispatchesTo() {
        return Optional.empty();
    }

    /// The command that takes this one back once it has left the ticket as `after`, if any.
    default Optional<DeskCommand> undo(Ticket after) {
        return Optional.empty();
    }

    /// The item a ticket is accepted as, with its deadline class.
    record ItemChoice(String itemCode, DeadlinePolicy policy, boolean consultation) {
        TicketCommand accept() {
            return new TicketCommand.Accept(itemCode, policy, consultation);
        }
    }

    /// 受理并派单: accepts a ticket still waiting to be accepted, then dispatches it; a ticket
    /// already accepted is only dispatched.
    record AcceptAndDispatch(Ticket ticket, ItemChoice item, String teamId) implements DeskCommand {
        @Override
        public Action action() {
            return Action.ACCEPT_AND_DISPATCH;
        }

        @Override
        public List<TicketCommand> lifecycle(Ticket current, Ticket master) {
            TicketCommand dispatch = new TicketCommand.Dispatch(teamId);
            return ActionInput.needsAccepting(current) ? List.of(item.accept(), dispatch) : List.of(dispatch);
        }

        @Override
        public Optional<String> dispatchesTo() {
            return Optional.of(teamId);
        }

        @Override
        public Optional<DeskCommand> undo(Ticket after) {
            return Optional.of(new WithdrawDispatch(after));
        }
    }

    record Accept(Ticket ticket, ItemChoice item) implements DeskCommand {
        @Override
        public Action action() {
            return Action.ACCEPT;
        }

        @Override
        public List<TicketCommand> lifecycle(Ticket current, Ticket master) {
            return List.of(item.accept());
        }
    }

    record Dispatch(Ticket ticket, String teamId) implements DeskCommand {
        @Override
        public Action action() {
            return Action.DISPATCH;
        }

        @Override
        public List<TicketCommand> lifecycle(Ticket current, Ticket master) {
            return List.of(new TicketCommand.Dispatch(teamId));
        }

        @Override
        public Optional<String> dispatchesTo() {
            return Optional.of(teamId);
        }

        @Override
        public Optional<DeskCommand> undo(Ticket after) {
            return Optional.of(new WithdrawDispatch(after));
        }
    }

    /// Calls one district department or more to the ticket (吹哨).
    record Whistle(Ticket ticket, List<String> departmentIds) implements DeskCommand {
        public Whistle {
            departmentIds = List.copyOf(departmentIds);
        }

        @Override
        public Action action() {
            return Action.WHISTLE;
        }

        @Override
        public List<TicketCommand> lifecycle(Ticket current, Ticket master) {
            return List.of(new TicketCommand.Whistle(departmentIds));
        }
    }

    /// Merges the ticket into the one with `masterCode` (a repeat of it).
    record Merge(Ticket ticket, String masterCode) implements DeskCommand {
        @Override
        public Action action() {
            return Action.MERGE;
        }

        @Override
        public List<TicketCommand> lifecycle(Ticket current, Ticket master) {
            return List.of(new TicketCommand.Merge(master));
        }
    }

    record RequestExtension(Ticket ticket, int days, String reason) implements DeskCommand {
        @Override
        public Action action() {
            return Action.REQUEST_EXTENSION;
        }

        @Override
        public List<TicketCommand> lifecycle(Ticket current, Ticket master) {
            return List.of(new TicketCommand.RequestExtension(days, reason));
        }
    }

    record ApproveExtension(Ticket ticket, boolean citizenInformed, String note) implements DeskCommand {
        @Override
        public Action action() {
            return Action.APPROVE_EXTENSION;
        }

        @Override
        public List<TicketCommand> lifecycle(Ticket current, Ticket master) {
            return List.of(new TicketCommand.ApproveExtension(citizenInformed, note));
        }
    }

    record CallBack(Ticket ticket, CallbackResult result, String note) implements DeskCommand {
        @Override
        public Action action() {
            return Action.CALL_BACK;
        }

        @Override
        public List<TicketCommand> lifecycle(Ticket current, Ticket master) {
            return List.of(new TicketCommand.CallBack(result, note));
        }
    }

    /// An action that asks for nothing but, for some, words: a reason, a note or an answer ("" when
    /// none); which lifecycle command it runs is the action's. Fifteen verbs share this one shape
    /// rather than fifteen records that would differ only in their name.
    record Worded(Ticket ticket, Action action, String text) implements DeskCommand {
        public Worded {
            if (action.input() != Action.Input.TEXT && action.input() != Action.Input.NONE
                    || action == Action.WITHDRAW_DISPATCH) {
                throw new IllegalArgumentException(action + " is not a worded action");
            }
            text = text == null ? "" : text;
        }

        @Override
        public List<TicketCommand> lifecycle(Ticket current, Ticket master) {
            return List.of(switch (action) {
                case ANSWER -> new TicketCommand.Answer(text);
                case REJECT -> new TicketCommand.RejectInvalid(text);
                case ESCALATE -> new TicketCommand.Escalate(text);
                case REJECT_EXTENSION -> new TicketCommand.RejectExtension(text);
                case VERIFY_PASS -> new TicketCommand.VerifyPass(text);
                case VERIFY_FAIL -> new TicketCommand.VerifyFail(text);
                case CLOSE -> new TicketCommand.Close(text);
                case REOPEN -> new TicketCommand.Reopen(text);
                case URGE -> new TicketCommand.Urge(text);
                case CONTACT -> new TicketCommand.ContactCitizen(text);
                case SIGN -> new TicketCommand.Sign();
                case RETURN -> new TicketCommand.Return(text);
                case CHECK_IN -> new TicketCommand.CheckIn();
                case REPORT_HANDLED -> new TicketCommand.ReportHandled(text, List.of());
                case ACCEPT_TRANSFER -> new TicketCommand.AcceptTransfer(text);
                case REFUSE_TRANSFER -> new TicketCommand.RefuseTransfer(text);
                case WITHDRAW_TRANSFER -> new TicketCommand.WithdrawTransfer(text);
                case CONFIRM_PLACE -> new TicketCommand.ConfirmPlace(text);
                default -> throw new IllegalStateException(action + " is not a worded action");
            });
        }
    }

    /// 办结反馈 with the words of the result and the files attached as evidence (checked when they
    /// were attached; stored with the report, once by content).
    record ReportHandled(Ticket ticket, String result, List<Attachment> attachments) implements DeskCommand {
        public ReportHandled {
            result = result == null ? "" : result;
            attachments = attachments == null ? List.of() : List.copyOf(attachments);
        }

        @Override
        public Action action() {
            return Action.REPORT_HANDLED;
        }

        @Override
        public List<TicketCommand> lifecycle(Ticket current, Ticket master) {
            return List.of(new TicketCommand.ReportHandled(result, List.of(), attachments));
        }
    }

    /// 撤回派单, while the team has not signed: the undo of [Dispatch] and [AcceptAndDispatch].
    record WithdrawDispatch(Ticket ticket) implements DeskCommand {
        @Override
        public Action action() {
            return Action.WITHDRAW_DISPATCH;
        }

        @Override
        public List<TicketCommand> lifecycle(Ticket current, Ticket master) {
            return List.of(new TicketCommand.WithdrawDispatch());
        }
    }

    /// 定位: places the ticket on a grid (or corrects it). `gridCentreId` is the centre the grid
    /// belongs to ([GridDirectory]), null for a code the district does not have.
    record Place(Ticket ticket, String gridCode, String gridCentreId) implements DeskCommand {
        @Override
        public Action action() {
            return Action.PLACE;
        }

        @Override
        public List<TicketCommand> lifecycle(Ticket current, Ticket master) {
            return List.of(new TicketCommand.PlaceOnGrid(gridCode, gridCentreId));
        }
    }

    /// 移交: hands the ticket to another town centre, with a reason.
    record Transfer(Ticket ticket, String centreId, String reason) implements DeskCommand {
        @Override
        public Action action() {
            return Action.TRANSFER;
        }

        @Override
        public List<TicketCommand> lifecycle(Ticket current, Ticket master) {
            return List.of(new TicketCommand.Transfer(centreId, reason));
        }
    }

    /// 报请市级: refers the ticket to the city platform, with a reason and its reference number if any.
    record ReferToCity(Ticket ticket, String reason, String reference) implements DeskCommand {
        @Override
        public Action action() {
            return Action.REFER_CITY;
        }

        @Override
        public List<TicketCommand> lifecycle(Ticket current, Ticket master) {
            return List.of(new TicketCommand.ReferToCity(reason, reference));
        }
    }
}

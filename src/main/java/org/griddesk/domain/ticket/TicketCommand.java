package org.griddesk.domain.ticket;

import java.time.LocalDate;
import java.util.List;

/// What a user (or a department system) asks to do to a ticket. [TicketLifecycle] decides whether
/// it may, and which [TicketEvent] follows.
public sealed interface TicketCommand {

    /// The message key of the action, e.g. `action.dispatch`.
    String action();

    record Accept(String itemCode, DeadlinePolicy policy, boolean consultation) implements TicketCommand {
        public String action() {
            return "action.accept";
        }
    }

    record RejectInvalid(String reason) implements TicketCommand {
        public String action() {
            return "action.reject";
        }
    }

    record Answer(String answer) implements TicketCommand {
        public String action() {
            return "action.answer";
        }
    }

    record Dispatch(String teamId) implements TicketCommand {
        public String action() {
            return "action.dispatch";
        }
    }

    /// Takes back a dispatch the team has not signed for: the ticket is ready to dispatch again.
    record WithdrawDispatch() implements TicketCommand {
        public String action() {
            return "action.withdrawDispatch";
        }
    }

    record Return(String reason) implements TicketCommand {
        public String action() {
            return "action.return";
        }
    }

    record Sign() implements TicketCommand {
        public String action() {
            return "action.sign";
        }
    }

    record Whistle(List<String> teamIds) implements TicketCommand {
        public Whistle {
            teamIds = List.copyOf(teamIds);
        }

        public String action() {
            return "action.whistle";
        }
    }

    record CheckIn() implements TicketCommand {
        public String action() {
            return "action.checkIn";
        }
    }

    record Escalate(String reason) implements TicketCommand {
        public String action() {
            return "action.escalate";
        }
    }

    record RequestExtension(int days, String reason) implements TicketCommand {
        public String action() {
            return "action.requestExtension";
        }
    }

    record ApproveExtension(boolean citizenInformed, String note) implements TicketCommand {
        public String action() {
            return "action.approveExtension";
        }
    }

    record RejectExtension(String reason) implements TicketCommand {
        public String action() {
            return "action.rejectExtension";
        }
    }

    /// @param evidence    links to evidence kept elsewhere (URLs)
    /// @param attachments files sent with the report: stored once by content with the report's
    ///                    change and named among the event's evidence by [Attachment#ref]
    record ReportHandled(String result, List<String> evidence, List<Attachment> attachments) implements TicketCommand {
        public ReportHandled {
            evidence = evidence == null ? List.of() : List.copyOf(evidence);
            attachments = attachments == null ? List.of() : List.copyOf(attachments);
            if (attachments.size() > Attachment.MAX_PER_REPORT) {
                throw AttachmentRefused.tooMany();
            }
        }

        public ReportHandled(String result, List<String> evidence) {
            this(result, evidence, List.of());
        }

        /// The links and the attached files' refs, as the trail keeps them (a file sent twice once).
        public List<String> allEvidence() {
            return java.util.stream.Stream.concat(evidence.stream(), attachments.stream().map(Attachment::ref))
                    .distinct().toList();
        }

        public String action() {
            return "action.reportHandled";
        }
    }

    record VerifyPass(String note) implements TicketCommand {
        public String action() {
            return "action.verifyPass";
        }
    }

    record VerifyFail(String reason) implements TicketCommand {
        public String action() {
            return "action.verifyFail";
        }
    }

    /// A grid worker's check on site (核查) of a handled ticket of their grid, from the workers' app:
    /// the verification step where [LifecycleRules#siteCheckVerifies] says so. `note`: the worker's
    /// words, required when it fails.
    record SiteCheck(boolean passed, String note) implements TicketCommand {
        public String action() {
            return "visits.action.siteCheck";
        }
    }

    record CallBack(CallbackResult result, String notes) implements TicketCommand {
        public String action() {
            return "action.callBack";
        }
    }

    record Reopen(String reason) implements TicketCommand {
        public String action() {
            return "action.reopen";
        }
    }

    record Close(String note) implements TicketCommand {
        public String action() {
            return "action.close";
        }
    }

    /// Folds this (duplicate) ticket into `master`.
    record Merge(Ticket master) implements TicketCommand {
        public String action() {
            return "action.merge";
        }
    }

    record Urge(String note) implements TicketCommand {
        public String action() {
            return "action.urge";
        }
    }

    record ContactCitizen(String note) implements TicketCommand {
        public String action() {
            return "action.contact";
        }
    }

    /// Keeps a video alarm that repeats the one this ticket was made for (same camera and type,
    /// within the gateway's folding window) with this ticket.
    record FoldAlarm(VideoAlarm alarm) implements TicketCommand {
        public String action() {
            return "action.foldAlarm";
        }
    }

    /// Records that the district's consultation (会商研判) took up this ticket: the meeting's record
    /// is stored beside it (see the store's consultation service); the trail keeps the decision.
    record RecordConsultation(long consultationId, LocalDate heldOn, String decision, String followUpUnitId,
                              LocalDate followUpDue) implements TicketCommand {
        public String action() {
            return "action.consult";
        }
    }
    /// Places the ticket on a grid (定位): a request the intake could not locate, or a correction.
    /// `gridCentreId` is the centre the grid belongs to (its town's, else the district's), as the
    /// district's map says; the store's caller looks it up.
    record PlaceOnGrid(String gridCode, String gridCentreId) implements TicketCommand {
        public String action() {
            return "action.place";
        }
    }

    /// Places the ticket again after a new version of the district's map (the system administrator's
    /// import, not a dispatcher): as [PlaceOnGrid], on any open ticket; a ticket waiting to be
    /// accepted follows its grid to that grid's centre, an accepted one may only move within its
    /// owner's area (else [AskPlaceReview]).
    record Regrid(String gridCode, String gridCentreId) implements TicketCommand {
        public String action() {
            return "action.regrid";
        }
    }

    /// Asks the owning centre to decide the ticket's place after a new map ([PlaceReview]).
    record AskPlaceReview(PlaceReview.Reason reason, String suggestedGridCode) implements TicketCommand {
        public String action() {
            return "action.askPlaceReview";
        }
    }

    /// Confirms the ticket's grid as it is, answering the new map's question (确认定位).
    record ConfirmPlace(String note) implements TicketCommand {
        public String action() {
            return "action.confirmPlace";
        }
    }

    /// Hands the ticket to another town centre (移交), with a reason; it stays the sender's until
    /// that centre accepts it.
    record Transfer(String toCentreId, String reason) implements TicketCommand {
        public String action() {
            return "action.transfer";
        }
    }

    /// The receiving centre takes a ticket handed to it (接收移交).
    record AcceptTransfer(String note) implements TicketCommand {
        public String action() {
            return "action.acceptTransfer";
        }
    }

    /// The receiving centre refuses a ticket handed to it, with a reason (拒收): it goes back.
    record RefuseTransfer(String reason) implements TicketCommand {
        public String action() {
            return "action.refuseTransfer";
        }
    }

    /// The sending centre takes back a hand-over still waiting for an answer (撤回移交), with a reason.
    record WithdrawTransfer(String reason) implements TicketCommand {
        public String action() {
            return "action.withdrawTransfer";
        }
    }

    /// The district centre refers a ticket the district cannot solve to the city platform (报请市级),
    /// with a reason and, when the platform gave one, its reference number.
    record ReferToCity(String reason, String reference) implements TicketCommand {
        public String action() {
            return "action.referCity";
        }
    }
}

package org.griddesk.desk.entry;

import java.util.List;
import java.util.function.LongFunction;
import org.griddesk.domain.org.Actor;
import org.griddesk.intake.DeskEntry;
import org.griddesk.intake.DeskIntake;
import org.griddesk.intake.IntakeService;

/// What the entry form asks of the store, each call off the FX thread: the duplicate candidates of
/// the entry as typed so far, and taking it (on its own, or merged into a candidate). [DeskIntake] decides both (who may, what is wrong).
public interface EntryService {
    List<Candidate> candidates(DeskEntry draft);

    /// Takes the entry as `taker`; throws [org.griddesk.intake.DeskEntryRefused] with the fields wrong.
    IntakeService.Accepted take(Actor taker, DeskEntry entry);

    /// Takes the entry as `taker` and merges it into the candidate `masterId` ([DeskIntake#takeInto]).
    DeskIntake.MergeOutcome takeInto(Actor taker, DeskEntry entry, long masterId);

    /// The store's desk intake, with each candidate's text read by `summaryOf` (a ticket's id → its text).
    static EntryService of(DeskIntake intake, LongFunction<String> summaryOf) {
        return new EntryService() {
            @Override
            public List<Candidate> candidates(DeskEntry draft) {
                return intake.candidates(draft).stream()
                        .map(s -> new Candidate(s.candidateId(), s.candidateCode(), summaryOf.apply(s.candidateId()), s.score(), s.reasons()))
                        .toList();
            }

            @Override
            public IntakeService.Accepted take(Actor taker, DeskEntry entry) {
                return intake.take(taker, entry);
            }

            @Override
            public DeskIntake.MergeOutcome takeInto(Actor taker, DeskEntry entry, long masterId) {
                return intake.takeInto(taker, entry, masterId);
            }
        };
    }
}

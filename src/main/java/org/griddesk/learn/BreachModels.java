package org.griddesk.learn;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.function.Supplier;

/// The breach-risk model a desk uses (`models/breach.model` in the data folder); without one, or
/// with one that did not beat the 20 % rule on its held-out check, the desk colours tickets by the
/// rule. See [ModelSlot].
public final class BreachModels extends ModelSlot<BreachModel> {
    /// where the model lives inside the data folder
    public static final String FILE = "models/breach.model";

    private BreachModels(Path file) {
        super(file, BreachModelFile.FILE, "breach-risk model", m -> m.facts().trainedAt());
    }

    /// None: the rule only (tests, a store with no data folder).
    public static BreachModels none() {
        return new BreachModels(null);
    }

    /// The model of the data folder at `dataFolder`, with the file read now if there is one.
    public static BreachModels in(Path dataFolder) {
        return new BreachModels(dataFolder.resolve(FILE));
    }

    /// Trains a model from the dispatched tickets `cases` gives (checked on the newest first),
    /// writes it to the data folder and uses it from now on.
    public BreachModel retrain(Supplier<List<BreachCase>> cases, Instant now, Predicate<LocalDate> holiday) {
        return use(() -> BreachTrainer.trainChecked(cases.get(), now, holiday));
    }

    @Override
    String describe(BreachModel m) {
        BreachModel.Facts f = m.facts();
        return String.format(Locale.ROOT, "%d dispatched tickets up to %s; held-out check on %d moments: Brier %.4f, AUC %.3f "
                + "against the 20 %% rule's %.4f, %.3f (%s)", f.cases(), f.lastDispatch(), f.heldOut(), f.brier(), f.auc(),
                f.ruleBrier(), f.ruleAuc(), f.beatsRule() ? "used for the at-risk colour" : "not better than the rule: not used");
    }
}

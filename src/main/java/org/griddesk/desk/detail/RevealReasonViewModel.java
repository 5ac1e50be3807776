package org.griddesk.desk.detail;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.griddesk.store.PersonalDataService;
import org.griddesk.ui.Messages;

/// The reason asked before personal data shows: what the user types, whether it may be sent (1 to
/// [PersonalDataService#MAX_REASON] characters, as the service checks again), what is missing, and
/// how many characters are used.
public final class RevealReasonViewModel {
    private final StringProperty reason = new SimpleStringProperty(this, "reason", "");
    private final BooleanBinding acceptable;
    private final StringBinding verdict;
    private final StringBinding count;

    public RevealReasonViewModel(Messages texts) {
        acceptable = Bindings.createBooleanBinding(() -> length() >= 1 && length() <= PersonalDataService.MAX_REASON, reason);
        verdict = Bindings.createStringBinding(() -> length() == 0 ? texts.get("reveal.refused.reasonRequired")
                : length() > PersonalDataService.MAX_REASON ? texts.get("reveal.refused.reasonTooLong", PersonalDataService.MAX_REASON)
                : "", reason);
        count = Bindings.createStringBinding(() -> texts.get("reveal.count", length(), PersonalDataService.MAX_REASON), reason);
    }

    private int length() {
        String r = reason.get() == null ? "" : reason.get().strip();
        return r.codePointCount(0, r.length());
    }

    public StringProperty reasonProperty() {
        return reason;
    }

    public BooleanBinding acceptableProperty() {
        return acceptable;
    }

    public StringBinding verdictProperty() {
        return verdict;
    }

    public StringBinding countProperty() {
        return count;
    }

    /// The reason as it is sent (stripped).
    public String reason() {
        return reason.get() == null ? "" : reason.get().strip();
    }
}

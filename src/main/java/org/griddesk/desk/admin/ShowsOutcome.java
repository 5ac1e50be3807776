package org.griddesk.desk.admin;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;

/// An administration view model's last outcome as its screen shows it: the words of the last
/// change or refusal, whether it was a refusal (marked in red), and whether a call is under way.
/// Every tab of the administration screen has one [AdminOutcome]; this is how its screen reads it.
interface ShowsOutcome {
    /// the view model's outcome of its calls to the service
    AdminOutcome outcome();

    default ReadOnlyStringProperty messageProperty() {
        return outcome().messageProperty();
    }

    default ReadOnlyBooleanProperty refusedProperty() {
        return outcome().refusedProperty();
    }

    default ReadOnlyBooleanProperty busyProperty() {
        return outcome().busyProperty();
    }
}

package org.griddesk.desk.command;

import java.util.ResourceBundle;
import org.griddesk.dispatch.Action;
import org.griddesk.ui.Messages;

/// The names of the lifecycle actions in the user's language: the same words the rules use when
/// they refuse one (`i18n/refusals*.properties`), so a button and its refusal always agree.
public final class ActionNames {
    private final ResourceBundle bundle;

    ActionNames(Messages messages) {
        this.bundle = Messages.bundle("i18n/refusals", messages.language());
    }

    String of(Action action) {
        return bundle.getString(action.key());
    }
}

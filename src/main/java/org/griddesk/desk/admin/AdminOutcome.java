package org.griddesk.desk.admin;

import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.griddesk.desk.session.SecurityTexts;
import org.griddesk.security.AccountRefused;
import org.griddesk.ui.TaskExecutor;

/// How an administration screen runs an operation and tells its outcome: the service is called off
/// the FX thread while the screen shows it is busy; a refusal ([AccountRefused]) or a failure comes
/// back as a message in words, marked as a refusal, and what was done as a plain one.
final class AdminOutcome {
    private final TaskExecutor executor;
    private final Supplier<SecurityTexts> texts;
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper refused = new ReadOnlyBooleanWrapper(this, "refused");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");

    AdminOutcome(TaskExecutor executor, Supplier<SecurityTexts> texts) {
        this.executor = executor;
        this.texts = texts;
    }

    <T> void call(Callable<T> work, Consumer<T> onDone) {
        busy.set(true);
        executor.submit(work, result -> {
            busy.set(false);
            onDone.accept(result);
        }, failure -> {
            busy.set(false);
            refuse(failure instanceof AccountRefused r ? texts.get().refusal(r.messageKey(), r.args())
                    : texts.get().get("admin.failed", failure.getMessage()));
        });
    }

    void done(String text) {
        refused.set(false);
        message.set(text);
    }

    void refuse(String text) {
        refused.set(true);
        message.set(text);
    }

    void clear() {
        message.set("");
    }

    ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty refusedProperty() {
        return refused.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}

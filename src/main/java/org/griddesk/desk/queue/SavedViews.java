package org.griddesk.desk.queue;

import java.util.List;
import java.util.function.Consumer;
import org.griddesk.store.view.SavedViewRepository;
import org.griddesk.ui.TaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// Each user's saved queue views (我的视图), read and saved through the [TaskExecutor]. Nothing
/// happens until the store is there ([#useStore]).
public final class SavedViews {
    private static final Logger log = LoggerFactory.getLogger(SavedViews.class);

    private final TaskExecutor executor;
    private volatile SavedViewRepository repository;

    public SavedViews(TaskExecutor executor) {
        this.executor = executor;
    }

    public void useStore(SavedViewRepository newRepository) {
        this.repository = newRepository;
    }

    /// The user's saved views.
    public void of(String userId, Consumer<List<SavedViewRepository.SavedView>> onRead) {
        SavedViewRepository views = repository;
        if (views != null) {
            executor.submit(() -> views.views(userId), onRead, failure -> log.warn("cannot read the saved views of {}", userId, failure));
        }
    }

    /// Saves (or replaces) one of the user's views; `onSaved` hears the user's views after it.
    public void save(String userId, SavedViewRepository.SavedView view, Consumer<List<SavedViewRepository.SavedView>> onSaved) {
        SavedViewRepository views = repository;
        if (views != null) {
            executor.submit(() -> {
                views.save(userId, view);
                return views.views(userId);
            }, onSaved, failure -> log.warn("the view {} was not saved", view.name(), failure));
        }
    }
}

package org.griddesk.store.view;

import static org.griddesk.store.jooq.Tables.SAVED_VIEW;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.jooq.DSLContext;

/// Users' saved queue views: a name and the queue's filters as one line.
public final class SavedViewRepository {
    /// longest name and filter line a view keeps (the table's columns)
    public static final int MAX_NAME = 40;
    public static final int MAX_SPEC = 500;

    /// One saved view.
    public record SavedView(String name, String spec) {
    }

    private final DSLContext dsl;
    private final Clock clock;

    public SavedViewRepository(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    /// The user's views, by name.
    public List<SavedView> views(String userId) {
        return dsl.select(SAVED_VIEW.NAME, SAVED_VIEW.SPEC).from(SAVED_VIEW).where(SAVED_VIEW.USER_ID.eq(userId))
                .orderBy(SAVED_VIEW.NAME).fetch(r -> new SavedView(r.value1(), r.value2()));
    }

    /// Saves a view under its name, replacing the user's view of that name.
    public void save(String userId, SavedView view) {
        String name = view.name() == null ? "" : view.name().strip();
        if (name.isEmpty() || name.length() > MAX_NAME || view.spec() == null || view.spec().length() > MAX_SPEC) {
            throw new IllegalArgumentException("a view needs a name of 1-" + MAX_NAME + " characters and filters of at most "
                    + MAX_SPEC);
        }
        dsl.transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            tx.deleteFrom(SAVED_VIEW).where(SAVED_VIEW.USER_ID.eq(userId), SAVED_VIEW.NAME.eq(name)).execute();
            tx.insertInto(SAVED_VIEW).set(SAVED_VIEW.USER_ID, userId).set(SAVED_VIEW.NAME, name).set(SAVED_VIEW.SPEC, view.spec())
                    .set(SAVED_VIEW.SAVED_AT, clock.instant().atOffset(ZoneOffset.UTC)).execute();
        });
    }

    public void delete(String userId, String name) {
        dsl.deleteFrom(SAVED_VIEW).where(SAVED_VIEW.USER_ID.eq(userId), SAVED_VIEW.NAME.eq(name)).execute();
    }
}

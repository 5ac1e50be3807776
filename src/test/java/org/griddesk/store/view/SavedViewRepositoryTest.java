package org.griddesk.store.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import org.griddesk.store.Database;
import org.griddesk.store.DatabaseKind;
import org.griddesk.testsupport.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SavedViewRepositoryTest {
    @TempDir
    Path temp;

    @Test
    void eachUserKeepsTheirOwnViewsByName() {
        try (Database db = TestDatabases.freshMigrated(DatabaseKind.H2, temp)) {
            SavedViewRepository views = new SavedViewRepository(db.dsl(), Clock.systemUTC());
            views.save("DEMO-DISPATCHER-XSG", new SavedViewRepository.SavedView("超期视频", "channel=VIDEO;overdue=true"));
            views.save("DEMO-DISPATCHER-XSG", new SavedViewRepository.SavedView("待受理", "stage=WAITING"));
            views.save("DEMO-SUPERVISOR-XSG", new SavedViewRepository.SavedView("待受理", "stage=WAITING;mine=true"));
            views.save("DEMO-DISPATCHER-XSG", new SavedViewRepository.SavedView(" 超期视频 ", "channel=VIDEO"));

            assertThat(views.views("DEMO-DISPATCHER-XSG")).containsExactly(
                    new SavedViewRepository.SavedView("待受理", "stage=WAITING"),
                    new SavedViewRepository.SavedView("超期视频", "channel=VIDEO"));
            assertThat(views.views("DEMO-SUPERVISOR-XSG")).singleElement().extracting(SavedViewRepository.SavedView::spec)
                    .isEqualTo("stage=WAITING;mine=true");
            views.delete("DEMO-DISPATCHER-XSG", "待受理");
            assertThat(views.views("DEMO-DISPATCHER-XSG")).hasSize(1);
            assertThatThrownBy(() -> views.save("u", new SavedViewRepository.SavedView("  ", "x")))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> views.save("u", new SavedViewRepository.SavedView("x".repeat(41), "x")))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(views.views("u")).isEmpty();
        }
    }
}

package org.griddesk.desk.admin;

import java.time.Instant;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.griddesk.domain.org.Role;
import org.griddesk.security.Session;
import org.griddesk.security.Workstation;
import org.testfx.util.WaitForAsyncUtils;

/// What the administration screens' tests share: a session of an administrator of the district
/// centre, a screen made and shown on the FX thread, a node looked up in it, work done on the FX
/// thread and waited for.
final class AdminScreens {
    private AdminScreens() {
    }

    /// A session of `role` at the district centre: "sysadmin" for the system administrator, "secadmin" otherwise.
    static Session session(Role role) {
        return new Session("A-1", role == Role.SYSTEM_ADMIN ? "sysadmin" : "secadmin", "管理员", "JN", Set.of(role), Instant.now(),
                new Workstation("desk-01", "10.0.0.1"));
    }

    /// Makes a screen on the FX thread, shows its node in a stage of `width` × `height` and has it read what it shows.
    static <S> Stage show(Supplier<S> make, Function<S, Parent> node, Consumer<S> refresh, double width, double height) throws Exception {
        return fx(() -> {
            S screen = make.get();
            Stage stage = new Stage();
            stage.setScene(new Scene(node.apply(screen), width, height));
            stage.show();
            refresh.accept(screen);
            return stage;
        });
    }

    /// The node, looked up on the FX thread (a lookup from another thread may meet the scene changing).
    static <T> T lookup(Stage stage, String id, Class<T> type) throws Exception {
        if (javafx.application.Platform.isFxApplicationThread()) {
            return type.cast(stage.getScene().lookup(id));
        }
        return fx(() -> type.cast(stage.getScene().lookup(id)));
    }

    /// `work` done on the FX thread, its result waited for (5 s at most).
    static <T> T fx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(5, TimeUnit.SECONDS);
    }
}

package org.griddesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.griddesk.testsupport.FxToolkitSupport;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/// Every window the desk shows wears GridDesk's icon in all its sizes; a window with its own keeps it.
class AppIconTest {
    @Test
    void everyStageShownAfterwardsGetsTheIconInEverySizeAndOwnIconsStay() throws Exception {
        FxToolkitSupport.start();
        List<Image> images = AppIcon.images();
        assertThat(images).extracting(image -> (int) image.getWidth()).containsExactly(16, 24, 32, 48, 64, 128, 256);
        assertThat(images).allSatisfy(image -> assertThat(image.isError()).isFalse());
        // the dispatched cell in the middle is orange, the corner is transparent: the picture, not a blank
        Image large = images.getLast();
        assertThat(large.getPixelReader().getColor(128, 110).getRed()).isGreaterThan(0.9);
        assertThat(large.getPixelReader().getColor(1, 1).getOpacity()).isZero();

        List<Stage> stages = WaitForAsyncUtils.asyncFx(() -> {
            AppIcon.onEveryWindow();
            Stage plain = new Stage();
            plain.setScene(new Scene(new Pane(), 100, 100));
            plain.show();
            Stage own = new Stage();
            own.getIcons().add(new WritableImage(8, 8));
            own.setScene(new Scene(new Pane(), 100, 100));
            own.show();
            return List.of(plain, own);
        }).get(10, TimeUnit.SECONDS);
        try {
            assertThat(stages.getFirst().getIcons()).hasSize(7);
            assertThat(stages.getLast().getIcons()).hasSize(1);
            assertThat(stages.getLast().getIcons().getFirst().getWidth()).isEqualTo(8);
        } finally {
            WaitForAsyncUtils.asyncFx(() -> stages.forEach(Stage::close)).get(10, TimeUnit.SECONDS);
        }
    }
}

package org.griddesk.testsupport;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.testfx.util.WaitForAsyncUtils;

/// Saves what a scene shows as `target/screenshots/NAME.png`, to be looked at.
public final class ScenePng {
    private ScenePng() {
    }

    public static Path save(Scene scene, String name) throws Exception {
        WritableImage image = WaitForAsyncUtils.asyncFx(() -> scene.snapshot(null)).get(10, TimeUnit.SECONDS);
        BufferedImage out = new BufferedImage((int) image.getWidth(), (int) image.getHeight(), BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < out.getHeight(); y++) {
            for (int x = 0; x < out.getWidth(); x++) {
                out.setRGB(x, y, image.getPixelReader().getArgb(x, y));
            }
        }
        Path png = Path.of("target/screenshots/" + name + ".png");
        Files.createDirectories(png.getParent());
        ImageIO.write(out, "png", png.toFile());
        return png;
    }
}

package org.griddesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DataFolderTest {
    private final Path home = Path.of("/home/ops");

    @Test
    void windowsUsesLocalAppData() {
        DataFolder f = DataFolder.platformDefault("Windows 11", Map.of("LOCALAPPDATA", "/c/Users/ops/AppData/Local"), home);
        assertThat(f.root()).isEqualTo(Path.of("/c/Users/ops/AppData/Local/GridDesk"));
    }

    @Test
    void linuxUsesXdgDataHomeWhenSetAndAbsolute() {
        assertThat(DataFolder.platformDefault("Linux", Map.of("XDG_DATA_HOME", "/srv/xdg"), home).root())
                .isEqualTo(Path.of("/srv/xdg/griddesk"));
        assertThat(DataFolder.platformDefault("Linux", Map.of("XDG_DATA_HOME", "relative"), home).root())
                .isEqualTo(Path.of("/home/ops/.local/share/griddesk"));
        assertThat(DataFolder.platformDefault("Linux", Map.of(), home).root())
                .isEqualTo(Path.of("/home/ops/.local/share/griddesk"));
    }

    @Test
    void overrideWinsAndHoldsConfigAndLogs() {
        DataFolder f = DataFolder.resolve(Path.of("/tmp/desk-7"));
        assertThat(f.configFile()).isEqualTo(Path.of("/tmp/desk-7/griddesk.properties"));
        assertThat(f.logs()).isEqualTo(Path.of("/tmp/desk-7/logs"));
    }
}

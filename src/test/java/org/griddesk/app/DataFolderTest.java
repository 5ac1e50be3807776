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

    @Test
    void theDataFolderIsNeverTheInstalledProgramsFolder() {
        DataFolder local = DataFolder.platformDefault("Windows 11", Map.of("LOCALAPPDATA", "/c/Users/ops/AppData/Local"), home);
        // jpackage's default per-user install folder is %LOCALAPPDATA%\GridDesk: the data moves beside it
        Path perUserDefault = DataFolder.installFolder(Path.of("/c/Users/ops/AppData/Local/GridDesk/GridDesk.exe"));
        assertThat(perUserDefault).isEqualTo(Path.of("/c/Users/ops/AppData/Local/GridDesk"));
        assertThat(local.apartFrom(perUserDefault).root()).isEqualTo(Path.of("/c/Users/ops/AppData/Local/GridDesk-data"));
        // GridDesk's per-user MSI installs to %LOCALAPPDATA%\GridDeskApp (a sibling, not inside): the data stays where it is
        Path perUser = DataFolder.installFolder(Path.of("/c/Users/ops/AppData/Local/GridDeskApp/GridDesk.exe"));
        assertThat(local.apartFrom(perUser)).isEqualTo(local);
        // a program installed inside the data folder is as bad as data inside the program
        assertThat(local.apartFrom(Path.of("/c/Users/ops/AppData/Local/GridDesk/app")).root())
                .isEqualTo(Path.of("/c/Users/ops/AppData/Local/GridDesk-data"));
        // Linux: /opt/griddesk/bin/GridDesk belongs to /opt/griddesk, far from ~/.local/share/griddesk
        Path opt = DataFolder.installFolder(Path.of("/opt/griddesk/bin/GridDesk"));
        assertThat(opt).isEqualTo(Path.of("/opt/griddesk"));
        DataFolder linux = DataFolder.platformDefault("Linux", Map.of(), home);
        assertThat(linux.apartFrom(opt)).isEqualTo(linux);
    }
}

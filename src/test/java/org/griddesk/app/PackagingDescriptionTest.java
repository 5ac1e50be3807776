package org.griddesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/// The packaging description (installer/jpackage) that the Linux and Windows build scripts share: what
/// the installers promise (fixed upgrade codes, the Start-menu group, the console launcher, a Chinese MSI,
/// install folders apart from the data folder) is written there, and every file it names exists.
/// The .deb made from it is installed, upgraded and removed by installer/deb-upgrade-check.sh (CI).
class PackagingDescriptionTest {
    private static final Path INSTALLER = Path.of("installer");

    @Test
    void windowsInstallersKeepTheirUpgradeCodesMenuGroupAndInstallFolders() throws IOException {
        Map<String, List<String>> machine = options("windows-machine.args");
        Map<String, List<String>> user = options("windows-user.args");
        UUID machineCode = UUID.fromString(machine.get("--win-upgrade-uuid").getFirst());
        UUID userCode = UUID.fromString(user.get("--win-upgrade-uuid").getFirst());
        // fixed values: changing one makes the next version install beside the old one instead of replacing it
        assertThat(machineCode).isEqualTo(UUID.fromString("6f1c2a4e-8d3b-4f5a-9c27-1e0b5d7a3c61"));
        assertThat(userCode).isEqualTo(UUID.fromString("2b8e5d1f-3c7a-4e69-a0d4-9f6b1c2e7a58"));
        assertThat(user).containsKey("--win-per-user-install");
        // %LOCALAPPDATA%\GridDesk is the data folder: the per-user program goes to %LOCALAPPDATA%\GridDeskApp
        assertThat(user.get("--install-dir")).containsExactly("GridDeskApp");

        Map<String, List<String>> windows = options("windows-package.args");
        assertThat(windows.get("--win-menu-group")).containsExactly("网格指挥台");
        assertThat(windows).containsKeys("--win-menu", "--win-shortcut", "--win-dir-chooser");
        assertThat(INSTALLER.resolve(windows.get("--license-file").getFirst())).isRegularFile();
        assertThat(INSTALLER.resolve(options("windows-app.args").get("--icon").getFirst())).isRegularFile();
    }

    /// The MSI's licence page shows installer/windows/LICENSE.rtf, made from LICENSE.txt by
    /// [LicenceRtf]. After LICENSE.txt changes: `./mvnw test -Dtest=PackagingDescriptionTest -Dlicence.rtf.write=true`.
    @Test
    void theMsiLicencePageIsLicenseTxtWithItsChineseIntact() throws Exception {
        Path rtf = INSTALLER.resolve(options("windows-package.args").get("--license-file").getFirst());
        assertThat(rtf.getFileName().toString()).isEqualTo("LICENSE.rtf");
        String text = Files.readString(INSTALLER.resolve("LICENSE.txt"));
        String expected = LicenceRtf.of(text);
        if (Boolean.getBoolean("licence.rtf.write")) {
            Files.writeString(rtf, expected, StandardCharsets.US_ASCII);
        }
        assertThat(Files.readString(rtf, StandardCharsets.US_ASCII))
                .as("installer/windows/LICENSE.rtf is LICENSE.txt as RTF; write it again with -Dlicence.rtf.write=true")
                .isEqualTo(expected);
        // read back by an RTF reader that is not ours (Swing's): the same words, Chinese included
        var kit = new javax.swing.text.rtf.RTFEditorKit();
        var document = kit.createDefaultDocument();
        try (var in = Files.newInputStream(rtf)) {
            kit.read(in, document, 0);
        }
        String read = document.getText(0, document.getLength());
        assertThat(read.strip().replace("\n", "")).isEqualTo(text.strip().replace("\n", ""));
        assertThat(read).contains("版权所有");
    }

    @Test
    void theMsiSpeaksChineseInCodePage936() throws Exception {
        Map<String, List<String>> windows = options("windows-package.args");
        Path resources = INSTALLER.resolve(windows.get("--resource-dir").getFirst());
        List<Path> wxl;
        try (var files = Files.list(resources)) {
            wxl = files.filter(f -> f.toString().endsWith(".wxl")).toList();
        }
        assertThat(wxl).hasSize(1);
        Element root = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(wxl.getFirst().toFile()).getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("WixLocalization");
        assertThat(root.getAttribute("Culture")).isEqualTo("zh-CN");
        assertThat(root.getAttribute("Codepage")).isEqualTo("936");
        // every Chinese word the MSI shows can be written in that code page
        var gbk = java.nio.charset.Charset.forName("GBK").newEncoder();
        assertThat(gbk.canEncode(windows.get("--win-menu-group").getFirst())).isTrue();
        assertThat(gbk.canEncode(options("app.args").get("--description").getFirst().replace("—", "-"))).isTrue();
    }

    @Test
    void bothSystemsGetTheConsoleLauncherTheIconAndTheNotices() throws IOException {
        Map<String, List<String>> app = options("app.args");
        assertThat(app.get("--name")).containsExactly("GridDesk");
        assertThat(app.get("--main-class")).containsExactly(Main.class.getName());
        String launcher = app.get("--add-launcher").getFirst();
        assertThat(launcher).startsWith("griddesk-cli=");
        Properties cli = new Properties();
        try (var in = Files.newBufferedReader(INSTALLER.resolve(launcher.substring("griddesk-cli=".length())), StandardCharsets.UTF_8)) {
            cli.load(in);
        }
        assertThat(cli.getProperty("win-console")).isEqualTo("true");
        assertThat(cli.getProperty("arguments")).isEqualTo("--help");
        assertThat(INSTALLER.resolve(app.get("--app-content").getFirst())).isRegularFile();

        Map<String, List<String>> linux = options("linux-package.args");
        assertThat(linux.get("--linux-package-name")).containsExactly("griddesk");
        assertThat(INSTALLER.resolve(linux.get("--license-file").getFirst())).isRegularFile();
        assertThat(INSTALLER.resolve(options("linux-app.args").get("--icon").getFirst())).isRegularFile();
    }

    @Test
    void theWindowsIconHoldsEverySizeFromSixteenToTwoHundredFiftySix() throws IOException {
        ByteBuffer ico = ByteBuffer.wrap(Files.readAllBytes(INSTALLER.resolve("icons/griddesk.ico"))).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(ico.getShort(0)).isZero();
        assertThat(ico.getShort(2)).as("type: icon").isEqualTo((short) 1);
        int count = ico.getShort(4);
        List<Integer> sizes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int width = Byte.toUnsignedInt(ico.get(6 + 16 * i));
            sizes.add(width == 0 ? 256 : width);
        }
        assertThat(sizes).contains(16, 24, 32, 48, 64, 128, 256);
    }

    /// One argument file of installer/jpackage read as jpackage reads it: `#` comment lines, an option and
    /// its value per line, double quotes around a value with spaces.
    static Map<String, List<String>> options(String file) throws IOException {
        Map<String, List<String>> options = new LinkedHashMap<>();
        String current = null;
        for (String line : Files.readAllLines(INSTALLER.resolve("jpackage").resolve(file), StandardCharsets.UTF_8)) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            int space = trimmed.indexOf(' ');
            String option = space < 0 ? trimmed : trimmed.substring(0, space);
            assertThat(option).as("an option in %s", file).startsWith("--");
            List<String> values = options.computeIfAbsent(option, o -> new ArrayList<>());
            if (space > 0) {
                String value = trimmed.substring(space + 1).strip();
                values.add(value.startsWith("\"") && value.endsWith("\"") ? value.substring(1, value.length() - 1) : value);
            }
            current = option;
        }
        assertThat(current).as("%s names options", file).isNotNull();
        return options;
    }
}

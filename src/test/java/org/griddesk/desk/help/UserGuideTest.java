package org.griddesk.desk.help;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.griddesk.ui.CurrentThreadTaskExecutor;
import org.griddesk.ui.Language;
import org.griddesk.ui.SystemOpener;
import org.junit.jupiter.api.Test;

/// The user guide goes with the desk whole: every page and picture of `docs/guide/` is packed and
/// copied out, every link and picture of its pages finds its file, and 帮助 → 使用指南 opens the page of
/// the desk's language.
class UserGuideTest {
    private static final Pattern LINK = Pattern.compile("(?:src|href)=\"([^\"#:]+)(?:#[^\"]*)?\"");

    @Test
    void everyFileOfTheGuideIsPackedAndEveryLinkOfItsPagesFindsItsFile() throws Exception {
        Path source = Path.of("docs", "guide");
        Set<String> onDisk;
        try (Stream<Path> files = Files.walk(source)) {
            onDisk = files.filter(Files::isRegularFile).map(p -> source.relativize(p).toString().replace('\\', '/'))
                    .filter(name -> !name.equals("contents.txt")).collect(Collectors.toSet());
        }
        assertThat(UserGuide.contents()).as("contents.txt lists every file of docs/guide").containsExactlyInAnyOrderElementsOf(onDisk);

        Path copied = new UserGuide(new CurrentThreadTaskExecutor()).folder();
        List<String> broken = new ArrayList<>();
        for (String page : UserGuide.contents().stream().filter(n -> n.endsWith(".html")).toList()) {
            Matcher m = LINK.matcher(Files.readString(copied.resolve(page)));
            while (m.find()) {
                if (!Files.isRegularFile(copied.resolve(m.group(1)))) {
                    broken.add(page + " → " + m.group(1));
                }
            }
        }
        assertThat(broken).isEmpty();
        assertThat(Files.size(copied.resolve("images/desk.png"))).as("a real picture").isGreaterThan(10_000);
    }

    @Test
    void theGuideOpensInTheDesksLanguage() {
        List<String> opened = new ArrayList<>();
        SystemOpener.install(opened::add);
        UserGuide guide = new UserGuide(new CurrentThreadTaskExecutor());
        guide.open(Language.ZH_CN);
        guide.open(Language.EN);
        assertThat(opened).hasSize(2);
        assertThat(opened.get(0)).startsWith("file:").endsWith("/index.html");
        assertThat(opened.get(1)).endsWith("/en.html");
    }
}

package org.griddesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.griddesk.store.Database;
import org.griddesk.store.DatabaseSettings;
import org.griddesk.store.SystemPropertyRepository;
import org.griddesk.store.ThreadGuard;
import org.griddesk.store.jooq.Tables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// The start-up report that benchmarks and the installer's AOT training run read: the desk, in
/// its own JVM (it exits when the report is written), headless, on a fresh data folder.
class StartupReportTest {
    private static final Pattern FIELD = Pattern.compile("\"(\\w+)\":(-?\\d+)");

    @TempDir
    Path temp;

    @Test
    void untilTheDistrictIsWholeTheDeskWaitsForItsFirstStartsHistoryAndThenExits() throws Exception {
        Path data = temp.resolve("data");
        Map<String, Long> report = runDesk(data, "--startup-report-whole", "--demo-history-days", "8");

        assertThat(report.get("windowShownMs")).isPositive();
        assertThat(report.get("storeReadyMs")).isPositive();
        assertThat(report.get("districtWholeMs")).isGreaterThan(report.get("storeReadyMs"));
        // whole means whole: the history was written before the desk wrote the report and exited
        try (var db = Database.open(DatabaseSettings.embeddedH2(data),
                ThreadGuard.NONE)) {
            assertThat(db.dsl().fetchCount(Tables.TICKET)).isGreaterThan(500);
            assertThat(new SystemPropertyRepository(db.dsl(), Clock.systemUTC())
                    .find("demo_history_complete")).as("the history's completion mark").isPresent();
        }
    }

    @Test
    void withoutItTheDeskReportsOnceItsStoreIsReady() throws Exception {
        Map<String, Long> report = runDesk(temp.resolve("data"), "--demo-history-days", "0");

        assertThat(report).containsKeys("windowShownMs", "storeReadyMs").doesNotContainKey("districtWholeMs");
    }

    private Map<String, Long> runDesk(Path data, String... options) throws Exception {
        Path reportFile = temp.resolve("startup.json");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "--enable-native-access=ALL-UNNAMED",
                "-Dprism.order=sw", "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless",
                "org.griddesk.app.Main", "--data-dir", data.toString(), "--startup-report", reportFile.toString()));
        command.addAll(List.of(options));
        Path log = temp.resolve("desk.log");
        Process desk = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!desk.waitFor(120, TimeUnit.SECONDS)) {
            desk.destroyForcibly();
            throw new AssertionError("the desk did not exit after its report:\n" + Files.readString(log));
        }
        assertThat(reportFile).as(Files.readString(log)).exists();
        Map<String, Long> values = new HashMap<>();
        Matcher m = FIELD.matcher(Files.readString(reportFile));
        while (m.find()) {
            values.put(m.group(1), Long.parseLong(m.group(2)));
        }
        return values;
    }
}

package org.griddesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.griddesk.store.DatabaseSettings;

/// A store a gateway process can serve, made through the command line as an administrator would:
/// a small district (one area, two communities, four grids around 117.31, 38.91) and channel keys.
/// `storeArgs` is empty for the embedded store in `data`, or `--db URL --db-user USER` for PostgreSQL.
record SeededStore(Path data, List<String> storeArgs) {
    /// Imports the small district into the store; `workDir` keeps the GeoJSON file.
    static SeededStore withSmallDistrict(Path data, List<String> storeArgs, Path workDir) throws IOException {
        SeededStore store = new SeededStore(data, List.copyOf(storeArgs));
        // the data key, as a command centre's first machine makes it (an embedded store would make its own)
        store.cli("keys", "init");
        store.cli("grids", "import", smallDistrict(workDir).toString(), "--district", "测试区");
        return store;
    }

    /// A channel key as `channels add` shows it, once: its number and the key itself.
    record Key(long id, String key) {
    }

    /// A new key of `channel` (its name as `channels add` takes it); the key itself, shown once.
    String newKey(String channel) {
        return newNumberedKey(channel).key();
    }

    /// A new key of `channel`, with the number `channels revoke` takes.
    Key newNumberedKey(String channel) {
        List<String> lines = cli("channels", "add", channel, "--label", "test", "--lang", "en").out().lines().toList();
        Matcher number = Pattern.compile("Key (\\d+) made").matcher(String.join("\n", lines));
        assertThat(number.find()).as(String.join("\n", lines)).isTrue();
        return new Key(Long.parseLong(number.group(1)), lines.getLast().strip());
    }

    /// How a test opens the same store directly.
    DatabaseSettings settings() {
        return storeArgs.isEmpty() ? DatabaseSettings.embeddedH2(data) : new DatabaseSettings(storeArgs.get(1), storeArgs.get(3), "");
    }

    /// Runs `griddesk ARGS` on this store; it must succeed.
    CliRun cli(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(storeArgs);
        CliRun run = CliRun.in(data, all.toArray(String[]::new));
        assertThat(run.code()).as(run.err()).isZero();
        return run;
    }

    /// One area of two communities of two grids each (as GridsImportTest's).
    private static Path smallDistrict(Path dir) throws IOException {
        Path file = dir.resolve("district.geojson");
        Files.writeString(file, """
                {"type":"FeatureCollection","coordinateSystem":"WGS-84","features":[
                %s,%s,%s,%s,%s,%s,%s]}""".formatted(
                feature("A1", "AREA", null, "[[[117.30,38.90],[117.31,38.90],[117.32,38.90],[117.32,38.91],[117.32,38.92],"
                        + "[117.31,38.92],[117.30,38.92],[117.30,38.91],[117.30,38.90]]]"),
                feature("A1-C1", "COMMUNITY", "A1", "[[[117.30,38.90],[117.31,38.90],[117.31,38.91],[117.31,38.92],[117.30,38.92],"
                        + "[117.30,38.91],[117.30,38.90]]]"),
                feature("A1-C2", "COMMUNITY", "A1", "[[[117.31,38.90],[117.32,38.90],[117.32,38.91],[117.32,38.92],[117.31,38.92],"
                        + "[117.31,38.91],[117.31,38.90]]]"),
                feature("A1-C1-G1", "GRID", "A1-C1", "[[[117.30,38.90],[117.31,38.90],[117.31,38.91],[117.30,38.91],[117.30,38.90]]]"),
                feature("A1-C1-G2", "GRID", "A1-C1", "[[[117.30,38.91],[117.31,38.91],[117.31,38.92],[117.30,38.92],[117.30,38.91]]]"),
                feature("A1-C2-G1", "GRID", "A1-C2", "[[[117.31,38.90],[117.32,38.90],[117.32,38.91],[117.31,38.91],[117.31,38.90]]]"),
                feature("A1-C2-G2", "GRID", "A1-C2", "[[[117.31,38.91],[117.32,38.91],[117.32,38.92],[117.31,38.92],[117.31,38.91]]]")));
        return file;
    }

    private static String feature(String code, String level, String parent, String coordinates) {
        return """
                {"type":"Feature","properties":{"code":"%s","name":"%s名","level":"%s","parent":%s},
                 "geometry":{"type":"Polygon","coordinates":%s}}""".formatted(code, code, level,
                parent == null ? "null" : "\"" + parent + "\"", coordinates);
    }
}

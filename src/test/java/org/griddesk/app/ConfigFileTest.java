package org.griddesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.griddesk.map.TileKey;
import org.griddesk.store.CommitDurability;
import org.griddesk.store.DatabaseKind;
import org.griddesk.store.tiles.MbTilesFileTest;
import org.griddesk.ui.Language;
import org.griddesk.ui.Theme;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFileTest {
    @TempDir
    Path dir;

    @Test
    void firstStartWritesACommentedFileWithEmbeddedDefaults() throws IOException {
        ConfigFile file = new ConfigFile(dir.resolve("griddesk.properties"));
        assertThat(file.createIfMissing()).isTrue();
        assertThat(file.createIfMissing()).as("second start keeps the file").isFalse();

        String text = Files.readString(file.path(), StandardCharsets.UTF_8);
        assertThat(text).contains("# ---- 数据库 / Database ----", "db.url=", "gateway.port=8890", "map.tiles=none",
                "ui.language=zh_CN");

        AppConfig config = file.load(Map.of());
        assertThat(config.language()).isEqualTo(Language.ZH_CN);
        assertThat(config.theme()).isEqualTo(Theme.DARK);
        assertThat(config.gatewayBind()).isEqualTo("127.0.0.1");
        assertThat(config.gatewayPort()).isEqualTo(8890);
        assertThat(config.tileSource()).isEqualTo("none");
        assertThat(config.databaseSettings(new DataFolder(dir)).kind()).isEqualTo(DatabaseKind.H2);
        assertThat(text).contains("db.durability=process");
        assertThat(config.databaseSettings(new DataFolder(dir)).durability()).isEqualTo(CommitDurability.PROCESS);
    }

    @Test
    void commitsThatSurviveAPowerCutAreAChoiceOfTheFile() throws IOException {
        Path path = dir.resolve("griddesk.properties");
        Files.writeString(path, "db.durability = Power\n");
        assertThat(new ConfigFile(path).load(Map.of()).databaseSettings(new DataFolder(dir)).durability())
                .isEqualTo(CommitDurability.POWER);
        Files.writeString(path, "db.durability=fsync\n");
        assertThatThrownBy(() -> new ConfigFile(path).load(Map.of()))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.key()).isEqualTo("db.durability");
                    assertThat(e.value()).isEqualTo("fsync");
                    assertThat(e.reasonKey()).isEqualTo("reason.durability");
                });
    }

    @Test
    void environmentOverridesTheFileForTheDatabase() {
        ConfigFile file = new ConfigFile(dir.resolve("griddesk.properties"));
        file.createIfMissing();
        AppConfig config = file.load(Map.of("GRIDDESK_DB_URL", "jdbc:postgresql://db:5432/griddesk",
                "GRIDDESK_DB_USER", "desk01", "GRIDDESK_DB_PASSWORD", "s3cret"));
        assertThat(config.databaseSettings(new DataFolder(dir)))
                .extracting(s -> s.kind(), s -> s.user(), s -> s.password())
                .containsExactly(DatabaseKind.POSTGRESQL, "desk01", "s3cret");
    }

    @Test
    void updateKeepsCommentsAndOtherKeys() throws IOException {
        ConfigFile file = new ConfigFile(dir.resolve("griddesk.properties"));
        file.createIfMissing();
        String before = Files.readString(file.path());

        file.update(ConfigFile.UI_LANGUAGE, "en");
        file.update(ConfigFile.UI_THEME, "light");

        String after = Files.readString(file.path());
        assertThat(after.lines().filter(l -> l.startsWith("#")).toList())
                .isEqualTo(before.lines().filter(l -> l.startsWith("#")).toList());
        AppConfig config = file.load(Map.of());
        assertThat(config.language()).isEqualTo(Language.EN);
        assertThat(config.theme()).isEqualTo(Theme.LIGHT);
        assertThat(config.gatewayPort()).isEqualTo(8890);
    }

    @Test
    void badValuesNameTheKeyAndTheReason() throws IOException {
        Path path = dir.resolve("griddesk.properties");
        Files.writeString(path, "gateway.port=88900\n");
        assertThatThrownBy(() -> new ConfigFile(path).load(Map.of()))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.key()).isEqualTo("gateway.port");
                    assertThat(e.value()).isEqualTo("88900");
                    assertThat(e.reasonKey()).isEqualTo("reason.port");
                });
        Files.writeString(path, "gateway.port=-1\n");
        assertThatThrownBy(() -> new ConfigFile(path).load(Map.of())).isInstanceOf(ConfigException.class);
        Files.writeString(path, "gateway.port=0\n");
        assertThat(new ConfigFile(path).load(Map.of()).gatewayPort()).as("0: the desk runs no gateway").isZero();
        Files.writeString(path, "ui.language=fr\n");
        assertThatThrownBy(() -> new ConfigFile(path).load(Map.of()))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.key()).isEqualTo("ui.language"));
        Files.writeString(path, "shift.schedule=早上八点\n");
        assertThatThrownBy(() -> new ConfigFile(path).load(Map.of()))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.reasonKey()).isEqualTo("reason.shifts"));
    }

    @Test
    void theBaseMapSettingIsCheckedAndMadeIntoSources() throws Exception {
        Path path = dir.resolve("griddesk.properties");
        for (String bad : new String[] {"https://tiles.example/{z}/{x}.png", "ftp://x/{z}/{x}/{y}", dir.resolve("none.mbtiles").toString()}) {
            Files.writeString(path, "map.tiles=" + bad + "\n");
            assertThatThrownBy(() -> new ConfigFile(path).load(Map.of())).as(bad)
                    .isInstanceOfSatisfying(ConfigException.class, e -> {
                        assertThat(e.key()).isEqualTo("map.tiles");
                        assertThat(e.reasonKey()).isEqualTo("reason.tiles");
                    });
        }
        String tianditu = "https://t{s:0-7}.tianditu.gov.cn/vec_w/wmts?TILEMATRIX={TileMatrix}&TILEROW={TileRow}&TILECOL={TileCol}&tk=K"
                + " | https://t{s:0-7}.tianditu.gov.cn/cva_w/wmts?TILEMATRIX={TileMatrix}&TILEROW={TileRow}&TILECOL={TileCol}&tk=K";
        Files.writeString(path, "map.tiles=" + tianditu + "\n");
        AppConfig config = new ConfigFile(path).load(Map.of());
        assertThat(BaseMap.sources(config.tileSource())).as("base layer, then annotation").hasSize(2);
        assertThat(BaseMap.sources("none")).isEmpty();

        Path mbtiles = MbTilesFileTest.write(dir.resolve("offline.mbtiles"), "png",
                new int[] {12, 3381, 2530});
        var offline = BaseMap.sources(mbtiles.toString());
        assertThat(offline).singleElement().satisfies(source -> {
            assertThat(source.fetch(new TileKey(12, 3381, 1565))).get().extracting(String::new)
                    .isEqualTo("12/3381/2530");
            assertThat(source.cacheOnDisk()).as("a local file needs no cache").isFalse();
            assertThat(source.maxZoom()).isEqualTo(12);
        });
    }
}

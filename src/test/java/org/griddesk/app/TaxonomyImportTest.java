package org.griddesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.griddesk.store.Database;
import org.griddesk.store.DatabaseSettings;
import org.griddesk.store.ThreadGuard;
import org.griddesk.store.district.DistrictRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaxonomyImportTest {
    @TempDir
    Path dir;

    private Path resource(String name) throws Exception {
        Path file = dir.resolve(name.substring(name.lastIndexOf('/') + 1));
        try (InputStream in = getClass().getResourceAsStream(name)) {
            Files.copy(in, file);
        }
        return file;
    }

    private int items(Path data) {
        try (Database db = Database.open(DatabaseSettings.embeddedH2(data), ThreadGuard.NONE)) {
            return new DistrictRepository(db.dsl()).itemCount();
        }
    }

    @Test
    void aValidCatalogueReplacesTheOldOneAndABadOneChangesNothing() throws Exception {
        Path data = dir.resolve("store");
        Path types = resource("/demo/team-types.csv");
        Path items = resource("/demo/taxonomy.csv");
        CliRun good = CliRun.in(data, "taxonomy", "import", "--team-types", types.toString(), "--items", items.toString());
        assertThat(good.code()).as(good.err()).isZero();
        assertThat(good.out()).contains("9 个大类、39 个小类、238 个事项、43 类处置队伍");
        assertThat(items(data)).isEqualTo(238);

        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, Files.readString(items) + "04,市容环境,04-01,环境卫生,04-01-999,新事项,someday,N,CG,CGW\n");
        CliRun refused = CliRun.in(data, "taxonomy", "import", "--team-types", types.toString(), "--items", bad.toString(),
                "--lang", "en");
        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err()).contains("nothing was imported", "items line 240", "someday");
        assertThat(items(data)).isEqualTo(238);
    }

    /// Excel on a Chinese PC saves "CSV (逗号分隔)" in GBK with CRLF, and quotes a name holding a comma.
    @Test
    void aFileThatIsNotThereIsNamedPlainlyWithoutAStackTrace() throws Exception {
        Path types = resource("/demo/team-types.csv");
        CliRun run = CliRun.in(dir.resolve("none"), "taxonomy", "import", "--team-types", types.toString(), "--items",
                dir.resolve("事项.csv").toString(), "--lang", "en");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("事项.csv is not a file").doesNotContain("Exception", "\tat ");
    }

    @Test
    void aGbkFileSavedByExcelWithQuotedNamesIsReadAsWritten() throws Exception {
        Path data = dir.resolve("gbk");
        Path types = dir.resolve("types-gbk.csv");
        Files.write(types, Files.readString(resource("/demo/team-types.csv")).replace("\n", "\r\n")
                .replace("CG,STREET,", "CG,STREET,\"城管中队（市容, 执法）\"\r\nXX,STREET,").getBytes(DistrictFiles.GBK));
        Path items = dir.resolve("items-gbk.csv");
        Files.write(items, Files.readString(resource("/demo/taxonomy.csv")).replace("\n", "\r\n")
                .replace("流动摊贩占道", "\"流动摊贩占道，\"\"早市\"\"\"").getBytes(DistrictFiles.GBK));
        CliRun run = CliRun.in(data, "taxonomy", "import", "--team-types", types.toString(), "--items", items.toString());
        assertThat(run.code()).as(run.err()).isZero();
        try (Database db = Database.open(DatabaseSettings.embeddedH2(data), ThreadGuard.NONE)) {
            var taxonomy = new DistrictRepository(db.dsl()).taxonomy();
            assertThat(taxonomy.itemsByCode().get("04-03-001").name()).isEqualTo("流动摊贩占道，\"早市\"");
            assertThat(taxonomy.teamTypes()).filteredOn(t -> t.code().equals("CG")).singleElement()
                    .satisfies(t -> assertThat(t.name()).isEqualTo("城管中队（市容, 执法）"));
        }

        Path noise = Files.write(dir.resolve("noise.csv"), new byte[] {(byte) 0xFF, (byte) 0xFF, 0x41, (byte) 0x80, 0x0A});
        CliRun refused = CliRun.in(data, "taxonomy", "import", "--team-types", noise.toString(), "--items", items.toString());
        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err()).contains("team types: 文件不是文本");
    }
}

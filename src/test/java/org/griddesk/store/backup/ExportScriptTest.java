package org.griddesk.store.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// What an import lets H2 run: only what H2's SCRIPT writes for a GridDesk store.
class ExportScriptTest {
    private static final String USER = "GRIDDESK";
    /// the statements of a real export, one of each kind (as H2 2.4 writes them)
    private static final String GOOD = """
            -- H2 2.4.240;
            CREATE USER IF NOT EXISTS "GRIDDESK" SALT '7d433cb04cc146cc' HASH '5d5e3b2cfbe216a24f516d3ea8e06062b0842d564ae11e8c22cb0dc0a0f9f3a7' ADMIN;
            CREATE SEQUENCE "PUBLIC"."CONSULTATION_SEQ" START WITH 1;
            CREATE CACHED TABLE "PUBLIC"."SYSTEM_PROPERTY"(
                "NAME" CHARACTER VARYING(100) NOT NULL,
                "VALUE" CHARACTER VARYING(4000) NOT NULL
            );
            ALTER TABLE "PUBLIC"."SYSTEM_PROPERTY" ADD CONSTRAINT "PUBLIC"."PK_SYSTEM_PROPERTY" PRIMARY KEY("NAME");
            -- 2 +/- SELECT COUNT(*) FROM PUBLIC.SYSTEM_PROPERTY;
            INSERT INTO "PUBLIC"."SYSTEM_PROPERTY" VALUES
            ('probe', '津南区；它有分号; 和 ''引号'' -- 不是注释'),
            ('x', 'CALL FILE_WRITE(''a'', ''b'') 只是文字');
            CREATE INDEX "PUBLIC"."IX_X" ON "PUBLIC"."SYSTEM_PROPERTY"("VALUE" NULLS FIRST);
            CREATE UNIQUE NULLS DISTINCT INDEX "PUBLIC"."UX_X" ON "PUBLIC"."SYSTEM_PROPERTY"("NAME" NULLS FIRST);
            CREATE FORCE TRIGGER "PUBLIC"."TICKET_EVENT_NO_UPDATE" BEFORE UPDATE ON "PUBLIC"."TICKET_EVENT" FOR EACH ROW QUEUE 1024 CALL 'org.griddesk.store.AppendOnlyTrigger';
            """;

    @TempDir
    Path dir;

    @Test
    void anExportsOwnStatementsPassWithSemicolonsAndWordsInsideStrings() {
        assertThatCode(() -> ExportScript.check(new StringReader(GOOD), USER)).doesNotThrowAnyException();
        assertThatCode(() -> ExportScript.check(new StringReader("\uFEFF" + GOOD), USER)).as("a BOM").doesNotThrowAnyException();
    }

    @Test
    void anythingElseIsRefusedNamingTheStatement() {
        refused(GOOD + "CALL FILE_WRITE('x', '/tmp/pwned');\n", "FILE_WRITE");
        refused(GOOD + "CREATE ALIAS EXIT FOR 'java.lang.System.exit';\n", "statement 9 is not one an export holds");
        refused(GOOD + "CREATE USER IF NOT EXISTS \"BACKDOOR\" SALT 'aa' HASH 'bb' ADMIN;\n", "creates the account BACKDOOR");
        refused(GOOD + "DROP TABLE \"PUBLIC\".\"SAVED_VIEW\";\n", "not one an export holds: DROP TABLE");
        refused(GOOD.replace("('x', ", "(FILE_READ('/etc/passwd'), "), "FILE_READ");
        refused(GOOD + "CREATE CACHED TABLE \"PUBLIC\".\"T\"(\"A\" INT) ENGINE \"org.h2.mvstore.db.MVTableEngine\";\n", "ENGINE");
        refused(GOOD + "CREATE FORCE TRIGGER \"PUBLIC\".\"T\" BEFORE INSERT ON \"PUBLIC\".\"X\" FOR EACH ROW QUEUE 1024 "
                + "CALL 'com.evil.Trigger';\n", "not one an export holds");
        refused(GOOD + "CREATE TRIGGER T BEFORE INSERT ON X AS $$org.h2.api.Trigger create() { return null; }$$;\n", "source code");
        refused(GOOD.replace("CREATE USER IF NOT EXISTS \"GRIDDESK\"", "CREATE USER IF NOT EXISTS \"OTHER\""), "OTHER");
        refused(GOOD.substring(0, GOOD.indexOf("('x'")), "cut short");
        // where H2 and a simpler reader disagree (found in review): each refused
        refused(GOOD + "-- x\rCALL FILE_WRITE(STRINGTOUTF8('a'), '/tmp/a.cmd');\n", "carriage return");
        refused(GOOD + "CREATE SEQUENCE \"PUBLIC\".\"S\" START WITH 1 // '\n;\n-- '\n", "comment form");
        refused(GOOD + "/* /* */ CALL X(); */\n", "comment form");
        refused(GOOD + "INSERT INTO \"PUBLIC\".\"T\" VALUES(\"FILE_WRITE\"(X'41', '/tmp/a'));\n", "in a row");
        refused(GOOD + "INSERT INTO \"PUBLIC\".\"T\" VALUES(1, (SELECT 1));\n", "in a row");
        refused(GOOD + "CREATE CACHED TABLE \"PUBLIC\".\"T\"(\"A\" INT DEFAULT \"FILE_WRITE\"('x', 'y'));\n", "calls \"FILE_WRITE\"");
        refused(GOOD + "CREATE CACHED TABLE \"PUBLIC\".\"T\"(\"A\" INT DEFAULT U&\"FILE_WRITE\"('x', 'y'));\n", "calls");
        refused("", "not an export of a GridDesk store");
    }

    @Test
    void aScriptSavedInGbkAZipOfSomethingElseAndABackupAreRefused() throws Exception {
        Path gbk = zip("script.sql", GOOD.getBytes(Charset.forName("GBK")));
        assertThatThrownBy(() -> ExportScript.check(gbk, USER)).isInstanceOf(ExportScript.Refused.class)
                .hasMessageContaining("not UTF-8").extracting(e -> ((ExportScript.Refused) e).zh()).asString().contains("GBK");
        Path backup = zip("griddesk.mv.db", new byte[100]);
        assertThatThrownBy(() -> ExportScript.check(backup, USER)).hasMessageContaining("griddesk db restore");
        Path other = zip("notes.txt", GOOD.getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> ExportScript.check(other, USER)).hasMessageContaining("script.sql");
        Path good = zip("script.sql", GOOD.getBytes(StandardCharsets.UTF_8));
        assertThatCode(() -> ExportScript.check(good, USER)).doesNotThrowAnyException();
    }

    private static void refused(String script, String why) {
        assertThatThrownBy(() -> ExportScript.check(new StringReader(script), USER)).isInstanceOf(ExportScript.Refused.class)
                .hasMessageContaining(why);
    }

    private Path zip(String entry, byte[] content) throws Exception {
        Path zip = Files.createTempFile(dir, "export-", ".zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry(entry));
            out.write(content);
            out.closeEntry();
        }
        assertThat(zip).isRegularFile();
        return zip;
    }
}

package org.griddesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.stream.Stream;
import org.griddesk.security.WorkerTokens;
import org.griddesk.store.Database;
import org.griddesk.store.DatabaseSettings;
import org.griddesk.store.ThreadGuard;
import org.griddesk.store.security.WorkerTokenService;
import org.griddesk.testsupport.RecordingAudit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// `griddesk users …` end to end on an embedded store: passwords come on standard input (as from a
/// script; a terminal would be asked without echo) and never show in the output or the log.
class UsersCommandTest {
    private static final String SYS = "Sys#Admin2026";
    private static final String SEC = "Sec#Admin2026";
    private static final String AUD = "Aud#Admin2026";

    @TempDir
    Path dataDir;

    private CliRun typed(String input, String... args) {
        return CliRun.typed(dataDir, input, Stream.concat(Stream.of(args), Stream.of("--lang", "en")).toArray(String[]::new));
    }

    private CliRun init() {
        return typed(String.join("\n", SYS, SYS, SEC, SEC, AUD, AUD) + "\n", "users", "init");
    }

    @Test
    void initMakesTheThreeAdministratorsOnceAndNeverPrintsOrLogsAPassword() throws IOException {
        CliRun first = typed(String.join("\n", SYS, "typo", SYS, SYS, SEC, SEC, AUD, AUD) + "\n", "users", "init");

        assertThat(first.code()).as(first.err()).isZero();
        assertThat(first.out()).contains("Made the System administrator account sysadmin", "secadmin", "auditadmin");
        assertThat(first.err()).contains("The two passwords differ");
        CliRun again = init();
        assertThat(again.code()).isEqualTo(2);
        assertThat(again.err()).contains("has administrators already");

        String everything = first.out() + first.err() + again.out() + again.err() + logs();
        assertThat(everything).doesNotContain(SYS).doesNotContain(SEC).doesNotContain(AUD);
        CliRun list = typed(SYS + "\n", "users", "list", "--as", "sysadmin");
        assertThat(list.code()).as(list.err()).isZero();
        assertThat(list.out()).contains("sysadmin", "[SYSTEM_ADMIN]", "[SECURITY_ADMIN]", "[AUDIT_ADMIN]");
    }

    @Test
    void initRefusesAdministratorsWhosePasswordsAreWeakAndMakesNone() {
        CliRun weak = typed(String.join("\n", "short", "short", SEC, SEC, AUD, AUD) + "\n", "users", "init");

        assertThat(weak.code()).isEqualTo(2);
        assertThat(weak.err()).contains("at least 8 characters");
        assertThat(init().code()).as("nothing was made, so init may run").isZero();
    }

    @Test
    void administratorsAddGiveRolesResetLockAndUnlockEachInTheirOwnDuty() {
        assertThat(init().code()).isZero();

        CliRun added = typed(SYS + "\n", "users", "add", "wang", "--name", "王调度", "--unit", "SYSTEM", "--as", "sysadmin");
        assertThat(added.code()).as(added.err()).isZero();
        String initial = added.out().lines().reduce((a, b) -> b).orElseThrow().strip();
        assertThat(initial).hasSizeGreaterThanOrEqualTo(12);

        CliRun notHis = typed(SEC + "\n", "users", "add", "li", "--name", "李", "--unit", "SYSTEM", "--as", "secadmin");
        assertThat(notHis.code()).isEqualTo(2);
        assertThat(notHis.err()).contains("may not do this administrative operation");

        CliRun twoAdmins = typed(SEC + "\n", "users", "roles", "wang", "SYSTEM_ADMIN", "AUDIT_ADMIN", "--as", "secadmin");
        assertThat(twoAdmins.code()).isEqualTo(2);
        assertThat(twoAdmins.err()).contains("Separation of duties");
        CliRun roles = typed(SEC + "\n", "users", "roles", "wang", "DISPATCHER", "--as", "secadmin");
        assertThat(roles.code()).as(roles.err()).isZero();
        assertThat(roles.out()).contains("[DISPATCHER]");

        CliRun wrong = typed("nope\n", "users", "list", "--as", "sysadmin");
        assertThat(wrong.code()).isEqualTo(2);
        assertThat(wrong.err()).contains("Wrong user name or password");

        CliRun reset = typed(SEC + "\n", "users", "reset-password", "wang", "--as", "secadmin");
        assertThat(reset.code()).as(reset.err()).isZero();
        assertThat(reset.out().lines().reduce((a, b) -> b).orElseThrow().strip()).isNotEqualTo(initial);

        assertThat(typed(SEC + "\n", "users", "lock", "wang", "--as", "secadmin").code()).isZero();
        assertThat(typed(SYS + "\n", "users", "list", "--as", "sysadmin").out()).containsPattern("wang .*enabled locked");
        assertThat(typed(SEC + "\n", "users", "unlock", "wang", "--as", "secadmin").code()).isZero();
        assertThat(typed(SYS + "\n", "users", "disable", "wang", "--as", "sysadmin").code()).isZero();
        assertThat(typed(SYS + "\n", "users", "list", "--as", "sysadmin").out()).containsPattern("wang .*disabled");
        assertThat(typed(SYS + "\n", "users", "enable", "wang", "--as", "sysadmin").code()).isZero();
        CliRun unknown = typed(SEC + "\n", "users", "unlock", "nobody", "--as", "secadmin");
        assertThat(unknown.err()).contains("There is no account named \"nobody\"");
    }

    @Test
    void aWorkersTokenIsShownOnceStoredAsADigestAndRevoked() {
        assertThat(init().code()).isZero();
        typed(SYS + "\n", "users", "add", "zhang", "--name", "张网格员", "--unit", "SYSTEM", "--as", "sysadmin");
        CliRun notWorker = typed(SYS + "\n", "users", "token", "issue", "zhang", "--as", "sysadmin");
        assertThat(notWorker.code()).isEqualTo(2);
        assertThat(notWorker.err()).contains("only to accounts with the grid worker role");
        typed(SEC + "\n", "users", "roles", "zhang", "GRID_WORKER", "--as", "secadmin");

        CliRun issued = typed(SYS + "\n", "users", "token", "issue", "zhang", "--days", "30", "--as", "sysadmin");
        assertThat(issued.code()).as(issued.err()).isZero();
        String token = issued.out().lines().reduce((a, b) -> b).orElseThrow().strip();
        assertThat(WorkerTokens.plausible(token)).as(token).isTrue();
        try (Database db = Database.open(DatabaseSettings.embeddedH2(dataDir), ThreadGuard.NONE)) {
            assertThat(new WorkerTokenService(db.dsl(), Clock.systemUTC(), new RecordingAudit()).worker(token)).get()
                    .extracting(WorkerTokenService.Worker::username).isEqualTo("zhang");
            assertThat(db.dsl().fetch("SELECT token_digest FROM worker_token").getValue(0, 0)).isNotEqualTo(token);
        }
        CliRun list = typed(SYS + "\n", "users", "token", "list", "--as", "sysadmin");
        assertThat(list.out()).contains("zhang", "active").doesNotContain(token);
        assertThat(typed(SYS + "\n", "users", "token", "revoke", "1", "--as", "sysadmin").code()).isZero();
        assertThat(typed(SYS + "\n", "users", "token", "list", "--as", "sysadmin").out()).contains("revoked");
        assertThat(typed(SYS + "\n", "users", "token", "revoke", "1", "--as", "sysadmin").err()).contains("no active token number 1");
    }

    private String logs() throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(dataDir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".log")).toList()) {
                all.append(Files.readString(f, StandardCharsets.UTF_8));
            }
        }
        return all.toString();
    }
}

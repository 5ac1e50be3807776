package org.griddesk.store.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.griddesk.domain.org.Permission;
import org.griddesk.domain.org.Role;
import org.griddesk.security.AuditAction;
import org.griddesk.security.AuditChain;
import org.griddesk.security.AuditEntry;
import org.griddesk.security.AuditOutcome;
import org.griddesk.security.AuditPage;
import org.griddesk.security.AuditQuery;
import org.griddesk.security.AuditRecord;
import org.griddesk.security.AuditRefused;
import org.griddesk.security.AuditRetention;
import org.griddesk.security.AuditWords;
import org.griddesk.security.Session;
import org.griddesk.security.Workstation;
import org.griddesk.store.Database;
import org.griddesk.store.DatabaseKind;
import org.griddesk.testsupport.AuditFixture;
import org.griddesk.testsupport.DocumentedPermissions;
import org.griddesk.testsupport.TestDatabases;
import org.griddesk.ui.Language;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/// Reading and exporting the audit log: filters, paging, the permission table of docs/security.md,
/// and every read and export recorded.
class AuditReadingTest {
    private static final Instant T0 = Instant.parse("2026-11-23T01:00:00Z");

    @TempDir
    Path temp;

    private static void fill(AuditLog log) {
        for (int i = 0; i < 25; i++) {
            log.record(AuditFixture.signIn(T0.plus(Duration.ofMinutes(i)), "u-xsg-0" + (i % 3), "调度员" + (i % 3)));
        }
        log.record(AuditFixture.entry(T0.plus(Duration.ofHours(1)), "u-xsg-01", "调度员1", AuditAction.PERSONAL_DATA_REVEALED,
                "2611-0042", AuditOutcome.SUCCESS, "回访核实联系方式"));
        log.record(AuditFixture.entry(T0.plus(Duration.ofHours(2)), "zhangsan", "zhangsan", AuditAction.SIGN_IN_FAILED,
                "zhangsan", AuditOutcome.REFUSED, "Wrong password"));
        log.record(AuditFixture.entry(T0.plus(Duration.ofDays(1)), "u-sys", "郑系统", AuditAction.ACCOUNT_CREATED, "u-xsg-07",
                AuditOutcome.SUCCESS, "roles=DISPATCHER"));
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void filtersAndPagesSelectTheRightRecordsNewestFirst(DatabaseKind kind) {
        try (Database db = TestDatabases.freshMigrated(kind, temp)) {
            AuditLog log = new AuditLog(db.dsl(), Clock.systemUTC(), AuditRetention.floor());
            fill(log);
            Session admin = AuditFixture.auditAdmin(db.dsl());
            AuditQuery signIns = AuditQuery.all().withAction(AuditAction.SIGN_IN);
            AuditPage first = log.query(admin, signIns, 0, 10);
            assertThat(first.total()).isEqualTo(25);
            assertThat(first.pages()).isEqualTo(3);
            assertThat(first.records()).hasSize(10).extracting(AuditRecord::seq).startsWith(25L, 24L);
            AuditPage last = log.query(admin, signIns, 2, 10);
            assertThat(last.records()).extracting(AuditRecord::seq).containsExactly(5L, 4L, 3L, 2L, 1L);
            assertThat(last.hasNext()).isFalse();

            assertThat(log.query(admin, AuditQuery.all().byActor("调度员1"), 0, 50).records()).hasSize(9);
            assertThat(log.query(admin, AuditQuery.all().byActor("U-XSG-02"), 0, 50).total()).as("case-insensitive").isEqualTo(8);
            assertThat(log.query(admin, AuditQuery.all().withOutcome(AuditOutcome.REFUSED), 0, 50).records())
                    .singleElement().satisfies(r -> assertThat(r.entry().actorId()).isEqualTo("zhangsan"));
            assertThat(log.query(admin, AuditQuery.all().containing("联系方式"), 0, 50).records())
                    .singleElement().satisfies(r -> assertThat(r.entry().target()).isEqualTo("2611-0042"));
            assertThat(log.query(admin, AuditQuery.all().containing("wrong PASSWORD"), 0, 50).total()).isEqualTo(1);
            AuditPage period = log.query(admin, AuditQuery.all().between(T0.plus(Duration.ofMinutes(10)), T0.plus(Duration.ofMinutes(20))), 0, 50);
            assertThat(period.records()).extracting(AuditRecord::seq).containsExactly(20L, 19L, 18L, 17L, 16L, 15L, 14L, 13L, 12L, 11L);
            assertThatThrownBy(() -> AuditQuery.all().between(T0, T0.minusSeconds(1))).isInstanceOf(IllegalArgumentException.class);

            List<AuditRecord> reads = log.query(admin, AuditQuery.all().withAction(AuditAction.AUDIT_READ), 0, 50).records();
            assertThat(reads).as("each of the 8 reads before this one recorded").hasSize(8)
                    .allSatisfy(r -> {
                        assertThat(r.entry().actorId()).isEqualTo("u-audit_admin");
                        assertThat(r.entry().from()).isEqualTo(AuditFixture.AUDIT_DESK);
                    });
            assertThat(reads.getLast().entry().detail()).contains("action=SIGN_IN", "page=1", "rows=10");
            assertThat(log.verify().isIntact()).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void anAuditAdministratorDisabledOrLockedSinceSigningInReadsNoMore(DatabaseKind kind) {
        try (Database db = TestDatabases.freshMigrated(kind, temp)) {
            AuditLog log = new AuditLog(db.dsl(), Clock.systemUTC(), AuditRetention.floor());
            fill(log);
            Session admin = AuditFixture.auditAdmin(db.dsl());
            assertThat(log.query(admin, AuditQuery.all(), 0, 10).total()).isPositive();

            db.dsl().execute("UPDATE account SET enabled = FALSE WHERE id = ?", admin.accountId());
            assertThatThrownBy(() -> log.query(admin, AuditQuery.all(), 0, 10)).isInstanceOfSatisfying(AuditRefused.class,
                    refused -> assertThat(refused.isSessionEnded()).isTrue());
            db.dsl().execute("UPDATE account SET enabled = TRUE, locked_until = ? WHERE id = ?",
                    java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).plusMinutes(15), admin.accountId());
            assertThatThrownBy(() -> log.export(admin, AuditQuery.all(), new ByteArrayOutputStream(), "x.csv", AuditWords.of(
                    org.griddesk.ui.Language.ZH_CN))).isInstanceOf(AuditRefused.class);
            assertThat(db.dsl().fetchCount(db.dsl().selectFrom("audit_log").where("outcome = 'REFUSED' AND detail = 'session.ended'")))
                    .as("both refusals recorded").isEqualTo(2);
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void onlyTheRolesTheDocumentedTableAllowsReadOrExportAndRefusalsAreRecorded(DatabaseKind kind) {
        try (Database db = TestDatabases.freshMigrated(kind, temp)) {
            AuditLog log = new AuditLog(db.dsl(), Clock.systemUTC(), AuditRetention.floor());
            fill(log);
            AuditWords words = AuditWords.of(Language.ZH_CN);
            int refusals = 0;
            for (Role role : Role.values()) {
                Session person = AuditFixture.session(db.dsl(), role);
                boolean mayRead = DocumentedPermissions.allows(role, Permission.AUDIT_READ);
                boolean mayExport = DocumentedPermissions.allows(role, Permission.AUDIT_EXPORT);
                if (mayRead) {
                    assertThat(log.query(person, AuditQuery.all(), 0, 5).records()).as(role.name()).hasSize(5);
                } else {
                    assertThatThrownBy(() -> log.query(person, AuditQuery.all(), 0, 5)).as(role.name()).isInstanceOf(AuditRefused.class);
                    refusals++;
                }
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                if (mayExport) {
                    assertThat(log.export(person, AuditQuery.all(), out, "test.csv", words)).as(role.name()).isPositive();
                } else {
                    assertThatThrownBy(() -> log.export(person, AuditQuery.all(), out, "test.csv", words)).as(role.name())
                            .isInstanceOf(AuditRefused.class);
                    assertThat(out.size()).as("nothing written for " + role).isZero();
                    refusals++;
                }
            }
            assertThat(refusals).isEqualTo(2 * (Role.values().length - 1));
            Session admin = AuditFixture.auditAdmin(db.dsl());
            List<AuditRecord> refused = log.query(admin, AuditQuery.all().withOutcome(AuditOutcome.REFUSED)
                    .containing("missing AUDIT_"), 0, 100).records();
            assertThat(refused).hasSize(refusals);
            assertThat(refused).extracting(r -> r.entry().actorId()).contains("u-dispatcher", "u-security_admin", "u-system_admin");
            assertThat(log.query(admin, AuditQuery.all().withAction(AuditAction.AUDIT_EXPORTED).withOutcome(AuditOutcome.SUCCESS), 0, 10)
                    .records()).singleElement().satisfies(r -> assertThat(r.entry().detail()).as("every record before it exported")
                    .isEqualTo("all rows=" + (r.seq() - 1)));
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void theExportIsUtf8CsvWithABomAndEveryHashedField(DatabaseKind kind) throws IOException {
        try (Database db = TestDatabases.freshMigrated(kind, temp)) {
            AuditLog log = new AuditLog(db.dsl(), Clock.systemUTC(), AuditRetention.floor());
            fill(log);
            Path file = temp.resolve("审计.csv");
            long rows = log.export(AuditFixture.auditAdmin(db.dsl()), AuditQuery.all().withAction(AuditAction.PERSONAL_DATA_REVEALED)
                    .containing("联系"), file, AuditWords.of(Language.ZH_CN));
            assertThat(rows).isEqualTo(1);
            byte[] bytes = java.nio.file.Files.readAllBytes(file);
            assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
            String text = new String(bytes, StandardCharsets.UTF_8).substring(1);
            List<CSVRecord> csv = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(text)).getRecords();
            CSVRecord r = csv.getFirst();
            assertThat(r.get("seq")).isEqualTo("26");
            assertThat(r.get("time_shanghai")).isEqualTo("2026-11-23 10:00:00");
            assertThat(r.get("action_words")).isEqualTo("查看个人信息");
            assertThat(r.get("outcome_words")).isEqualTo("成功");
            AuditEntry again = new AuditEntry(Instant.parse(r.get("time_utc")), r.get("actor_id"), r.get("actor_name"),
                    new Workstation(r.get("host"), r.get("address")), AuditAction.valueOf(r.get("action")), r.get("target"),
                    AuditOutcome.valueOf(r.get("outcome")), r.get("detail"));
            assertThat(AuditChain.hash(Long.parseLong(r.get("seq")), again, r.get("prev_hash")))
                    .as("the file carries what is needed to check each record").isEqualTo(r.get("hash"));
        }
    }
}

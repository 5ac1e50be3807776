package org.griddesk.store.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.griddesk.domain.digest.DigestSettings;
import org.griddesk.domain.digest.HotlineDigest;
import org.griddesk.domain.digest.MassIncident;
import org.griddesk.domain.digest.Spike;
import org.griddesk.domain.digest.TicketRef;
import org.griddesk.domain.digest.Topic;
import org.griddesk.domain.org.Role;
import org.griddesk.security.AuditAction;
import org.griddesk.security.AuditOutcome;
import org.griddesk.store.Database;
import org.griddesk.store.DatabaseKind;
import org.griddesk.testsupport.AuditFixture;
import org.griddesk.testsupport.RecordingAudit;
import org.griddesk.testsupport.TestDatabases;
import org.griddesk.ui.Language;
import org.griddesk.ui.Messages;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/// The digest over a hand-made history ([DigestHistory]) on both stores: a planted spike of
/// night-time building-site noise in one grid is found as a hot item, category, community and
/// terms, as a repeat caller and as a possible mass incident, and nothing else is; the same history
/// without the spike raises nothing at all.
class HotlineDigestServiceTest {
    @TempDir
    Path temp;

    private final RecordingAudit audit = new RecordingAudit();
    private final Clock clock = Clock.fixed(DigestHistory.DAY.plusDays(1).atTime(9, 0).toInstant(ZoneOffset.ofHours(8)), ZoneOffset.UTC);

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void thePlantedSpikeIsFoundAndNothingElse(DatabaseKind kind) {
        try (Database db = TestDatabases.freshMigrated(kind, temp)) {
            DigestHistory history = new DigestHistory(db.dsl()).write().plantSpike();
            HotlineDigest d = service(db).digest(AuditFixture.session(Role.SUPERVISOR), DigestHistory.DAY);

            assertThat(d.total()).isEqualTo(49);
            assertThat(d.baselineMean()).isEqualTo(39.0);
            assertThat(d.items()).extracting(Spike::key, Spike::name, Spike::today).containsExactly(org.assertj.core.groups.Tuple.tuple("I3", "噪音扰民", 11L));
            assertThat(d.items().getFirst().baselineMean()).isEqualTo(1.0);
            assertThat(d.items().getFirst().expected()).isCloseTo(29.0 / 28 * 49 / 39, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(d.categories()).extracting(Spike::key, Spike::today).containsExactly(org.assertj.core.groups.Tuple.tuple("K2", 12L));
            assertThat(d.spots()).singleElement().satisfies(s -> {
                assertThat(s.community().key()).isEqualTo("C3");
                assertThat(s.community().today()).isEqualTo(12);
                assertThat(s.areaName()).isEqualTo("咸水沽镇");
                assertThat(s.grids()).extracting(g -> g.gridCode() + "=" + g.today()).containsExactly("C3-G1=11", "C3-G2=1");
            });
            assertThat(d.terms()).extracting(Spike::key).containsExactlyInAnyOrder("工地", "夜间", "施工", "噪音", "扰民", "无法", "休息")
                    .doesNotContain("垃圾", "咨询", "摊贩");
            assertThat(d.callers()).singleElement().satisfies(c -> {
                assertThat(c.maskedPhone()).isEqualTo("139****0003");
                assertThat(c.today()).isEqualTo(3);
                assertThat(c.lastSevenDays()).isEqualTo(3);
                assertThat(c.tickets()).extracting(TicketRef::id)
                        .containsExactly(history.spikeIds.get(2), history.spikeIds.get(4), history.spikeIds.get(7));
            });
            assertThat(d.incidents()).singleElement().satisfies(m -> {
                assertThat(m.level()).isEqualTo(MassIncident.Level.ITEM_GRID);
                assertThat(m.place()).isEqualTo("C3-G1");
                assertThat(m.subjectName()).isEqualTo("噪音扰民");
                assertThat(m.callers()).isEqualTo(8);
                assertThat(m.tickets()).extracting(TicketRef::id).containsExactlyElementsOf(history.spikeIds);
            });
            assertThat(audit.of(AuditAction.REPORT_MADE)).singleElement().satisfies(e -> {
                assertThat(e.outcome()).isEqualTo(AuditOutcome.SUCCESS);
                assertThat(e.target()).isEqualTo("hotline-digest 2026-11-30");
                assertThat(e.detail()).isEqualTo("requests=49 categories=1 items=1 terms=7 spots=1 callers=1 incidents=1");
            });
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aFlatHistoryRaisesNothing(DatabaseKind kind) {
        try (Database db = TestDatabases.freshMigrated(kind, temp)) {
            new DigestHistory(db.dsl()).write();
            HotlineDigest d = service(db).compute(DigestHistory.DAY).digest();
            assertThat(d.total()).isEqualTo(39);
            assertThat(d.quiet()).as("%s", d).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aCallerOfTheWeekIsListedOnADayTheyCalledNotOnADayTheyDidNot(DatabaseKind kind) {
        try (Database db = TestDatabases.freshMigrated(kind, temp)) {
            new DigestHistory(db.dsl()).write().plantCallerOfTheWeek();
            HotlineDigestService service = service(db);
            assertThat(service.compute(DigestHistory.DAY).digest().callers()).as("no call on the day: no news").isEmpty();
            assertThat(service.compute(DigestHistory.DAY.minusDays(1)).digest().callers()).singleElement().satisfies(c -> {
                assertThat(c.maskedPhone()).isEqualTo("136****0009");
                assertThat(c.today()).isEqualTo(1);
                assertThat(c.lastSevenDays()).isEqualTo(3);
            });
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void eachHotLineListsTheTicketsBehindIt(DatabaseKind kind) {
        try (Database db = TestDatabases.freshMigrated(kind, temp)) {
            DigestHistory history = new DigestHistory(db.dsl()).write().plantSpike();
            HotlineDigestService service = service(db);
            var by = AuditFixture.session(Role.DISTRICT_MANAGER);
            assertThat(service.ticketsOf(by, DigestHistory.DAY, Topic.ITEM, "I3")).hasSize(11);
            assertThat(service.ticketsOf(by, DigestHistory.DAY, Topic.CATEGORY, "K2")).hasSize(12);
            assertThat(service.ticketsOf(by, DigestHistory.DAY, Topic.COMMUNITY, "C3")).hasSize(12);
            assertThat(service.ticketsOf(by, DigestHistory.DAY, Topic.TERM, "施工")).extracting(TicketRef::id)
                    .containsExactlyElementsOf(history.spikeIds);
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void theExportIsCsvThatExcelOpensAndIsAudited(DatabaseKind kind) throws Exception {
        try (Database db = TestDatabases.freshMigrated(kind, temp)) {
            new DigestHistory(db.dsl()).write().plantSpike();
            Path file = temp.resolve("digest.csv");
            service(db).export(AuditFixture.session(Role.SUPERVISOR), DigestHistory.DAY, file,
                    Messages.of(Language.ZH_CN, DigestRefused.BUNDLE).bundle());
            byte[] bytes = Files.readAllBytes(file);
            assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            assertThat(lines.get(0)).isEqualTo("\uFEFF板块,代码,名称,所属,当日,基线日均,期望,倍数,p 值,补充,工单");
            assertThat(lines.get(1)).isEqualTo("概况,2026-11-30,,,49,39.00,,1.26,,,");
            assertThat(lines).anyMatch(l -> l.startsWith("热点事项,I3,噪音扰民,,11,1.00,1.30,8.45,"))
                    .anyMatch(l -> l.startsWith("重复来电,139****0003,,,3,,,,,3,"))
                    .anyMatch(l -> l.startsWith("群体性事件苗头,I3,噪音扰民,福馨社区第1网格,8,,,,,11-30 22:00–11-30 22:54,"))
                    .noneMatch(l -> l.contains("13900000003"));
            assertThat(audit.of(AuditAction.EXPORTED)).singleElement()
                    .satisfies(e -> assertThat(e.target()).isEqualTo(file.toAbsolutePath().toString()));
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void withoutThePermissionOrForADayToComeNothingIsMade(DatabaseKind kind) {
        try (Database db = TestDatabases.freshMigrated(kind, temp)) {
            HotlineDigestService service = service(db);
            assertThatThrownBy(() -> service.digest(AuditFixture.session(Role.DISPATCHER), DigestHistory.DAY))
                    .isInstanceOfSatisfying(DigestRefused.class, e -> assertThat(e.messageKey()).isEqualTo("digest.refused.permission"));
            assertThatThrownBy(() -> service.digest(AuditFixture.session(Role.SUPERVISOR), DigestHistory.DAY.plusDays(2)))
                    .isInstanceOfSatisfying(DigestRefused.class, e -> assertThat(e.messageKey()).isEqualTo("digest.refused.day"));
            assertThat(audit.entries()).extracting(e -> e.action() + " " + e.outcome()).containsExactly("REPORT_MADE REFUSED",
                    "REPORT_MADE REFUSED");
        }
    }

    private HotlineDigestService service(Database db) {
        return new HotlineDigestService(db.dsl(), clock, audit, DigestSettings.DEFAULT);
    }
}

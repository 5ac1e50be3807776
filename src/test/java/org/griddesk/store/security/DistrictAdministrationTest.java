package org.griddesk.store.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.griddesk.store.jooq.Tables.DISTRICT_CHANGE;
import static org.griddesk.store.jooq.Tables.REGION;
import static org.griddesk.store.jooq.Tables.TAXONOMY_ITEM;
import static org.griddesk.store.jooq.Tables.TEAM_TYPE;
import static org.griddesk.store.jooq.Tables.TICKET;
import static org.griddesk.store.jooq.Tables.TICKET_EVENT;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.griddesk.domain.calendar.DayKind;
import org.griddesk.domain.calendar.HolidayDay;
import org.griddesk.domain.calendar.WorkCalendar;
import org.griddesk.domain.district.Camera;
import org.griddesk.domain.district.GridWorker;
import org.griddesk.domain.org.Role;
import org.griddesk.domain.org.UnitEntry;
import org.griddesk.domain.org.UnitKind;
import org.griddesk.domain.org.UnitLevel;
import org.griddesk.domain.taxonomy.Item;
import org.griddesk.domain.ticket.Channel;
import org.griddesk.domain.ticket.DeadlineClass;
import org.griddesk.domain.ticket.DeadlinePolicy;
import org.griddesk.security.AccountRefused;
import org.griddesk.security.AuditAction;
import org.griddesk.security.AuditEntry;
import org.griddesk.security.ApiKeys;
import org.griddesk.security.AuditOutcome;
import org.griddesk.security.ChannelKeyAdministration.IssuedKey;
import org.griddesk.security.ChannelKeyAdministration.KeyHolder;
import org.griddesk.security.ChannelKeyAdministration.KeyRow;
import org.griddesk.security.GridWorkerAdministration.Post;
import org.griddesk.security.OrganisationAdministration.NewUnit;
import org.griddesk.security.Session;
import org.griddesk.store.DatabaseKind;
import org.griddesk.store.calendar.CalendarRepository;
import org.griddesk.store.district.BaseDataRepository;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/// The district's base data as the system administrator keeps it through
/// [DistrictAdministrationService]: each change of the organisation, the grid workers, the
/// catalogue, the cameras, the gateway's keys and the holiday calendar is written with its audit record and a `district_change` row; a
/// dispatcher is refused (audited, nothing written); bad input is refused in words and changes nothing.
class DistrictAdministrationTest {
    private static final String ITEM = "04-03-001";

    @TempDir
    Path temp;

    /// a town (咸水沽镇, whose code is its centre's id), a community with two grids 0.01° square, a
    /// street and a district team type, and one item handled by them
    private static void district(AccountFixture f) {
        var dsl = f.db.dsl();
        region(f, "JN-XSG", "咸水沽镇", "AREA", null, "POLYGON ((117.30 38.98, 117.34 38.98, 117.34 39.02, 117.30 39.02, 117.30 38.98))");
        region(f, "C1", "红旗社区", "COMMUNITY", "JN-XSG", "POLYGON ((117.30 38.98, 117.32 38.98, 117.32 39.00, 117.30 39.00, 117.30 38.98))");
        region(f, "G1", "红旗一网格", "GRID", "C1", "POLYGON ((117.30 38.98, 117.31 38.98, 117.31 38.99, 117.30 38.99, 117.30 38.98))");
        region(f, "G2", "红旗二网格", "GRID", "C1", "POLYGON ((117.31 38.98, 117.32 38.98, 117.32 38.99, 117.31 38.99, 117.31 38.98))");
        dsl.insertInto(TEAM_TYPE).values("CGZD", "STREET", "城管中队").execute();
        dsl.insertInto(TEAM_TYPE).values("AJB", "STREET", "安监办").execute();
        dsl.insertInto(TEAM_TYPE).values("CGW", "DISTRICT", "城管委").execute();
        dsl.insertInto(TAXONOMY_ITEM).values(ITEM, "流动摊贩占道", "C04", "C04-03", "GENERAL", 7, false, "CGZD", "CGW").execute();
    }

    private static void region(AccountFixture f, String code, String name, String level, String parent, String wkt) {
        f.db.dsl().insertInto(REGION).set(REGION.CODE, code).set(REGION.NAME, name).set(REGION.REGION_LEVEL, level)
                .set(REGION.PARENT_CODE, parent).set(REGION.DENSITY_WEIGHT, 1.0).set(REGION.GEOMETRY_WKT, wkt).execute();
    }

    private static List<String> changes(AccountFixture f) {
        return f.db.dsl().select(DISTRICT_CHANGE.CHANGE_KIND).from(DISTRICT_CHANGE).orderBy(DISTRICT_CHANGE.SEQ)
                .fetch(DISTRICT_CHANGE.CHANGE_KIND);
    }

    private static void succeeded(AccountFixture f, AuditAction action, String target) {
        AuditEntry last = f.audit.last();
        assertThat(last.action()).isEqualTo(action);
        assertThat(last.outcome()).isEqualTo(AuditOutcome.SUCCESS);
        assertThat(last.target()).isEqualTo(target);
        assertThat(last.actorName()).isEqualTo("sysadmin");
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void theSystemAdministratorAddsRenamesAndRemovesAUnitEachAuditedAndRecorded(DatabaseKind kind) {
        try (AccountFixture f = new AccountFixture(kind, temp)) {
            district(f);
            DistrictAdministrationService admin = f.accounts.districtAdministration();
            Session system = f.system();

            admin.addUnit(system, new NewUnit(" JN-XSG-SW ", "咸水沽镇水务站", UnitLevel.STREET, UnitKind.TEAM, "JN-XSG", "CGZD",
                    "王站长", "022-2839 1234"));
            succeeded(f, AuditAction.ORGANISATION_CHANGED, "unit:JN-XSG-SW");
            UnitEntry added = unit(admin, system, "JN-XSG-SW");
            assertThat(added.unit().name()).isEqualTo("咸水沽镇水务站");
            assertThat(added.contactPhone()).as("digits only").isEqualTo("02228391234");

            admin.renameUnit(system, "JN-XSG-SW", "咸水沽镇水务管理站");
            admin.changeContact(system, "JN-XSG-SW", "李主任", "+86 139 1234 5678");
            admin.changeContact(system, "JN-XSG-SW", "李副主任", "");
            assertThat(unit(admin, system, "JN-XSG-SW").contactPhone()).as("a blank phone keeps the stored one").isEqualTo("13912345678");
            admin.changeContact(system, "JN-XSG-SW", "李主任", "+86 139 1234 5678");
            admin.changeTeamType(system, "JN-XSG-SW", "AJB");
            UnitEntry changed = unit(admin, system, "JN-XSG-SW");
            assertThat(changed.unit().name()).isEqualTo("咸水沽镇水务管理站");
            assertThat(changed.contactName()).isEqualTo("李主任");
            assertThat(changed.contactPhone()).isEqualTo("13912345678");
            assertThat(changed.teamTypeCode()).isEqualTo("AJB");
            assertThat(f.audit.last().detail()).as("no personal data in the audit").isEqualTo("team type CGZD -> AJB");

            admin.removeUnit(system, "JN-XSG-SW");
            succeeded(f, AuditAction.ORGANISATION_CHANGED, "unit:JN-XSG-SW");
            assertThat(admin.units(system)).extracting(e -> e.unit().id()).doesNotContain("JN-XSG-SW");
            assertThat(changes(f)).containsExactly("ORGANISATION", "ORGANISATION", "ORGANISATION", "ORGANISATION", "ORGANISATION",
                    "ORGANISATION", "ORGANISATION");
            assertThat(f.db.dsl().select(DISTRICT_CHANGE.ACTOR).from(DISTRICT_CHANGE).fetch(DISTRICT_CHANGE.ACTOR)).containsOnly("sysadmin");
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void oneWorkerPerGridAndOneLeaderPerCommunityTheNewReplacingTheOld(DatabaseKind kind) {
        try (AccountFixture f = new AccountFixture(kind, temp)) {
            district(f);
            DistrictAdministrationService admin = f.accounts.districtAdministration();
            Session system = f.system();

            admin.assign(system, "G1", "W-001", "张伟", "138 0013 8000");
            admin.assign(system, "G1", "W-002", "刘洋", "13900139000");
            succeeded(f, AuditAction.ORGANISATION_CHANGED, "post:G1");
            assertThat(f.audit.last().detail()).isEqualTo("worker W-002, replacing W-001");
            admin.assign(system, "C1", "L-001", "赵敏", "022-28391234");
            admin.assign(system, "C1", "L-001", "赵敏", " ");
            assertThat(f.audit.last().detail()).isEqualTo("leader L-001");

            List<GridWorker> people = new BaseDataRepository(f.db.dsl()).workers();
            assertThat(people).containsExactly(new GridWorker("L-001", "赵敏", "02228391234", "C1", null, true),
                    new GridWorker("W-002", "刘洋", "13900139000", "C1", "G1", false));
            assertThat(admin.posts(system)).extracting(Post::regionCode, p -> p.holder() == null ? null : p.holder().id())
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("G1", "W-002"), org.assertj.core.groups.Tuple.tuple("G2", null),
                            org.assertj.core.groups.Tuple.tuple("C1", "L-001"));
            assertThat(changes(f)).containsExactly("WORKERS", "WORKERS", "WORKERS", "WORKERS");
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void anItemsRuleAndACameraAreChangedAuditedAndRecorded(DatabaseKind kind) {
        try (AccountFixture f = new AccountFixture(kind, temp)) {
            district(f);
            DistrictAdministrationService admin = f.accounts.districtAdministration();
            Session system = f.system();

            admin.changeItemRule(system, ITEM, DeadlinePolicy.statutory(15), true, "AJB", "CGW");
            succeeded(f, AuditAction.CONFIGURATION_CHANGED, "item:" + ITEM);
            Item item = admin.catalogueItems(system).getFirst();
            assertThat(item.deadline()).isEqualTo(new DeadlinePolicy(DeadlineClass.STATUTORY, 15));
            assertThat(item.consultation()).isTrue();
            assertThat(item.streetTeamType()).isEqualTo("AJB");

            // inside G2, and 50 m east of G1's edge (still G1's: a camera on the road along it)
            admin.saveCamera(system, new Camera("GQ-0001", Camera.Kind.HD, 117.315, 38.985, "G2"));
            admin.saveCamera(system, new Camera("GQ-0002", Camera.Kind.CHECKPOINT, 117.310577, 38.985, "G1"));
            succeeded(f, AuditAction.ORGANISATION_CHANGED, "camera:GQ-0002");
            admin.saveCamera(system, new Camera("GQ-0001", Camera.Kind.FACE, 117.305, 38.985, "G1"));
            assertThat(admin.cameras(system)).containsExactly(new Camera("GQ-0001", Camera.Kind.FACE, 117.305, 38.985, "G1"),
                    new Camera("GQ-0002", Camera.Kind.CHECKPOINT, 117.310577, 38.985, "G1"));
            assertThat(changes(f)).containsExactly("TAXONOMY", "CAMERAS", "CAMERAS", "CAMERAS");
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aDispatcherIsRefusedAuditedAndNothingIsWritten(DatabaseKind kind) {
        try (AccountFixture f = new AccountFixture(kind, temp)) {
            district(f);
            DistrictAdministrationService admin = f.accounts.districtAdministration();
            Session dispatcher = f.person("li", "JN", "Desk#2026abc", Role.DISPATCHER);
            List<Runnable> calls = List.of(
                    () -> admin.units(dispatcher),
                    () -> admin.renameUnit(dispatcher, "JN-XSG", "改名"),
                    () -> admin.assign(dispatcher, "G1", "W-001", "张伟", "13800138000"),
                    () -> admin.changeItemRule(dispatcher, ITEM, DeadlinePolicy.urgent(), false, "CGZD", "CGW"),
                    () -> admin.saveCamera(dispatcher, new Camera("GQ-0001", Camera.Kind.HD, 117.305, 38.985, "G1")));
            for (Runnable call : calls) {
                refused(call, "admin.notPermitted");
                assertThat(f.audit.last().outcome()).isEqualTo(AuditOutcome.REFUSED);
                assertThat(f.audit.last().actorName()).isEqualTo("li");
            }
            assertThat(changes(f)).isEmpty();
            assertThat(new BaseDataRepository(f.db.dsl()).workers()).isEmpty();
            assertThat(f.accounts.districtAdministration().units(f.system())).extracting(e -> e.unit().name())
                    .contains("咸水沽镇网格化管理中心");
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void badInputIsRefusedInWordsAndChangesNothing(DatabaseKind kind) {
        try (AccountFixture f = new AccountFixture(kind, temp)) {
            district(f);
            DistrictAdministrationService admin = f.accounts.districtAdministration();
            Session system = f.system();
            List<UnitEntry> unitsBefore = admin.units(system);

            refused(() -> admin.addUnit(system, new NewUnit("JN-XSG-X", "某队", UnitLevel.STREET, UnitKind.TEAM, "JN-XSG", "NOPE",
                    null, null)), "admin.district.noTeamType");
            refused(() -> admin.addUnit(system, new NewUnit("JN-XSG-X", "某队", UnitLevel.STREET, UnitKind.TEAM, "JN-XSG", "CGW",
                    null, null)), "admin.district.org.teamTypeLevel");
            refused(() -> admin.addUnit(system, new NewUnit("JN-XX", "某镇中心", UnitLevel.STREET, UnitKind.CENTRE, "JN", null,
                    null, null)), "admin.district.org.townCode");
            refused(() -> admin.addUnit(system, new NewUnit("JN-XSG-X", "某队", UnitLevel.STREET, UnitKind.TEAM, "JN", "CGZD",
                    null, null)), "admin.district.org.badParent");
            refused(() -> admin.addUnit(system, new NewUnit("JN", "重复", UnitLevel.DISTRICT, UnitKind.CENTRE, "TJ", null,
                    null, null)), "admin.district.org.idTaken");
            refused(() -> admin.changeContact(system, "JN-XSG", "王主任", "12345"), "admin.district.badPhone");
            refused(() -> admin.changeContact(system, "JN-XSG", "王主任", "1280013800"), "admin.district.badPhone");
            refused(() -> admin.renameUnit(system, "JN-XSG", "  "), "admin.district.badName");
            refused(() -> admin.changeTeamType(system, "JN-XSG-CG", "NOPE"), "admin.district.noTeamType");
            // the administrators' accounts belong to JN, and JN-XSG has teams under it
            refused(() -> admin.removeUnit(system, "JN"), "admin.district.org.inUse");
            refused(() -> admin.removeUnit(system, "JN-XSG"), "admin.district.org.inUse");
            // a team a ticket is with, and a team that only acted on one in its history
            long ticket = ticket(f, "JN-XSG-AJ");
            f.db.dsl().insertInto(TICKET_EVENT).set(TICKET_EVENT.TICKET_ID, ticket).set(TICKET_EVENT.TICKET_VERSION, 1L)
                    .set(TICKET_EVENT.ROUND_NO, 1).set(TICKET_EVENT.EVENT_TYPE, "SIGNED").set(TICKET_EVENT.ACTOR_ID, "h-1")
                    .set(TICKET_EVENT.ACTOR_NAME, "处置人员").set(TICKET_EVENT.ACTOR_ROLE, "HANDLER").set(TICKET_EVENT.ACTOR_UNIT, "JN-GG-CG")
                    .set(TICKET_EVENT.OCCURRED_AT, AccountFixture.START.atOffset(ZoneOffset.UTC)).set(TICKET_EVENT.TO_STATE, "HANDLING")
                    .set(TICKET_EVENT.DETAILS, "{}").execute();
            assertThatThrownBy(() -> admin.removeUnit(system, "JN-XSG-AJ")).isInstanceOf(AccountRefused.class)
                    .extracting(e -> List.of(((AccountRefused) e).args())).isEqualTo(List.of("咸水沽镇安监办", 1, 0, 0, 0));
            refused(() -> admin.removeUnit(system, "JN-GG-CG"), "admin.district.org.inUse");
            assertThat(f.audit.last().outcome()).isEqualTo(AuditOutcome.REFUSED);
            assertThat(admin.units(system)).isEqualTo(unitsBefore);

            refused(() -> admin.assign(system, "G1", "W-001", "张伟", "2839123"), "admin.district.badPhone");
            refused(() -> admin.assign(system, "G9", "W-001", "张伟", "13800138000"), "admin.district.workers.noPost");
            refused(() -> admin.assign(system, "G1", "W 001", "张伟", "13800138000"), "admin.district.workers.badId");
            assertThat(new BaseDataRepository(f.db.dsl()).workers()).isEmpty();

            refused(() -> admin.changeItemRule(system, ITEM, DeadlinePolicy.general(), false, "NOPE", "CGW"), "admin.district.noTeamType");
            refused(() -> admin.changeItemRule(system, ITEM, DeadlinePolicy.general(), false, "CGW", "CGW"),
                    "admin.district.taxonomy.teamTypeLevel");
            refused(() -> admin.changeItemRule(system, "99-99-999", DeadlinePolicy.general(), false, "CGZD", "CGW"),
                    "admin.district.taxonomy.noItem");
            assertThat(admin.catalogueItems(system).getFirst().streetTeamType()).isEqualTo("CGZD");

            // 0.0015° east of G1 at 38.985° is about 130 m
            refused(() -> admin.saveCamera(system, new Camera("GQ-0001", Camera.Kind.HD, 117.3115, 38.985, "G1")),
                    "admin.district.cameras.farFromGrid");
            refused(() -> admin.saveCamera(system, new Camera("GQ-0001", Camera.Kind.HD, 117.3051234, 38.985, "G1")),
                    "admin.district.cameras.badPoint");
            refused(() -> admin.saveCamera(system, new Camera("GQ-0001", Camera.Kind.HD, 38.985, 117.305, "G1")),
                    "admin.district.cameras.badPoint");
            refused(() -> admin.saveCamera(system, new Camera("GQ-0001", Camera.Kind.HD, 117.305, 38.985, "C1")),
                    "admin.district.cameras.noGrid");
            assertThat(admin.cameras(system)).isEmpty();
            assertThat(changes(f)).as("no change recorded").isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aKeyIsIssuedOnceAndRevokedEachAuditedAndRecordedAndOthersAreRefused(DatabaseKind kind) {
        try (AccountFixture f = new AccountFixture(kind, temp)) {
            district(f);
            DistrictAdministrationService admin = f.accounts.districtAdministration();
            Session system = f.system();
            KeyHolder hotline = admin.keyHolders(system).stream().filter(h -> h.channel() == Channel.HOTLINE_8890).findFirst()
                    .orElseThrow();
            KeyHolder team = admin.keyHolders(system).stream().filter(h -> "JN-XSG-CG".equals(h.teamId())).findFirst().orElseThrow();

            IssuedKey issued = admin.issueKey(system, hotline, " 8890 平台 ");
            succeeded(f, AuditAction.CHANNEL_KEY_CHANGED, "key " + issued.row().id() + " HOTLINE_8890");
            assertThat(f.audit.last().detail()).isEqualTo("added: 8890 平台").doesNotContain(issued.key());
            ChannelKeyRepository keys = new ChannelKeyRepository(f.db.dsl(), f.clock);
            assertThat(keys.channelOf(ApiKeys.digest(issued.key()))).as("the gateway takes it").contains(Channel.HOTLINE_8890);
            IssuedKey teamKey = admin.issueKey(system, team, "城管中队反馈");
            assertThat(keys.teamOf(ApiKeys.digest(teamKey.key()))).contains("JN-XSG-CG");
            assertThat(admin.keys(system)).extracting(KeyRow::holderName).containsExactly("8890热线", "咸水沽镇城管中队");

            admin.revokeKey(system, issued.row().id());
            succeeded(f, AuditAction.CHANNEL_KEY_CHANGED, "key " + issued.row().id());
            assertThat(keys.channelOf(ApiKeys.digest(issued.key()))).isEmpty();
            assertThat(changes(f)).containsExactly("CHANNEL_KEYS", "CHANNEL_KEYS", "CHANNEL_KEYS");

            Session dispatcher = f.person("li", "JN", "Desk#2026abc", Role.DISPATCHER);
            refused(() -> admin.issueKey(dispatcher, hotline, "偷偷签发"), "admin.notPermitted");
            assertThat(f.audit.last().outcome()).isEqualTo(AuditOutcome.REFUSED);
            refused(() -> admin.revokeKey(dispatcher, teamKey.row().id()), "admin.notPermitted");
            refused(() -> admin.keys(dispatcher), "admin.notPermitted");
            refused(() -> admin.issueKey(system, hotline, "两行\n说明"), "admin.district.badName");
            refused(() -> admin.issueKey(system, new KeyHolder(null, "JN-XSG", "咸水沽镇网格化管理中心"), "中心"), "admin.district.keys.noTeam");
            refused(() -> admin.issueKey(system, null, "无主"), "admin.district.keys.noHolder");
            refused(() -> admin.revokeKey(system, issued.row().id()), "admin.district.keys.noSuchKey");
            assertThat(admin.keys(system)).hasSize(2);
            assertThat(keys.teamOf(ApiKeys.digest(teamKey.key()))).as("still works").contains("JN-XSG-CG");
            assertThat(changes(f)).as("nothing more recorded").hasSize(3);
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void holidaysAndSwappedWorkingDaysAreMarkedAndUndoneAndDeadlinesCountThem(DatabaseKind kind) {
        try (AccountFixture f = new AccountFixture(kind, temp)) {
            DistrictAdministrationService admin = f.accounts.districtAdministration();
            Session system = f.system();
            LocalDate festival = LocalDate.of(2027, 2, 11); // a Thursday
            LocalDate saturday = LocalDate.of(2027, 2, 20);
            assertThat(admin.holidayDays(system, 2027)).as("no notice for 2027 yet").isEmpty();

            admin.markDay(system, festival, true, " 春节 ");
            succeeded(f, AuditAction.CONFIGURATION_CHANGED, "calendar:2027-02-11");
            admin.markDay(system, saturday, false, "春节");
            assertThat(admin.holidayDays(system, 2027)).containsExactly(new HolidayDay(festival, "春节", true),
                    new HolidayDay(saturday, "春节", false));
            WorkCalendar calendar = new CalendarRepository(f.db.dsl(), f.clock).workCalendar();
            assertThat(calendar.kindOf(festival)).isEqualTo(DayKind.HOLIDAY);
            assertThat(calendar.kindOf(saturday)).isEqualTo(DayKind.SWAPPED_WORKDAY);

            int shipped2026 = admin.holidayDays(system, 2026).size();
            admin.markDay(system, LocalDate.of(2026, 10, 9), true, "国庆节");
            assertThat(admin.holidayDays(system, 2026)).as("the shipped year kept, one day more").hasSize(shipped2026 + 1);

            admin.unmarkDay(system, festival);
            assertThat(admin.holidayDays(system, 2027)).containsExactly(new HolidayDay(saturday, "春节", false));
            assertThat(changes(f)).containsExactly("CALENDAR", "CALENDAR", "CALENDAR", "CALENDAR");

            refused(() -> admin.markDay(system, LocalDate.of(2027, 2, 22), false, "春节"), "admin.district.calendar.swapOnWeekday");
            refused(() -> admin.markDay(system, festival, true, "  "), "admin.district.calendar.badName");
            refused(() -> admin.unmarkDay(system, festival), "admin.district.calendar.notMarked");
            refused(() -> admin.unmarkDay(system, saturday), "admin.district.calendar.lastDay");
            Session dispatcher = f.person("li", "JN", "Desk#2026abc", Role.DISPATCHER);
            refused(() -> admin.markDay(dispatcher, festival, true, "春节"), "admin.notPermitted");
            assertThat(f.audit.last().outcome()).isEqualTo(AuditOutcome.REFUSED);
            assertThat(admin.holidayDays(system, 2027)).as("nothing changed").containsExactly(new HolidayDay(saturday, "春节", false));
            assertThat(changes(f)).hasSize(4);
        }
    }

    /// a ticket of 咸水沽镇 with `team`
    private static long ticket(AccountFixture f, String team) {
        var when = AccountFixture.START.atOffset(ZoneOffset.UTC);
        return f.db.dsl().insertInto(TICKET).set(TICKET.CODE, "T-1").set(TICKET.CHANNEL, "HOTLINE_8890").set(TICKET.SUMMARY, "占道")
                .set(TICKET.STATE, "DISPATCHED").set(TICKET.OWNER_UNIT, "JN-XSG").set(TICKET.ASSIGNED_TEAM, team)
                .set(TICKET.WATCHING_UNITS, "").set(TICKET.CONSULTATION, false).set(TICKET.REPORTED_AT, when).set(TICKET.ROUND_NO, 1)
                .set(TICKET.URGE_COUNT, 0).set(TICKET.RETURN_COUNT, 0).set(TICKET.REWORK_COUNT, 0).set(TICKET.REOPEN_COUNT, 0)
                .set(TICKET.VERSION, 1L).set(TICKET.UPDATED_AT, when).returning(TICKET.ID).fetchOne(TICKET.ID);
    }

    private static UnitEntry unit(DistrictAdministrationService admin, Session by, String id) {
        return admin.units(by).stream().filter(e -> e.unit().id().equals(id)).findFirst().orElseThrow();
    }

    private static void refused(Runnable call, String key) {
        assertThatThrownBy(call::run).isInstanceOf(AccountRefused.class).extracting(e -> ((AccountRefused) e).messageKey()).isEqualTo(key);
    }
}

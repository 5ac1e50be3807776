package org.griddesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.griddesk.app.DistrictFiles.bomCsv;
import static org.griddesk.app.DistrictFiles.gbkCsv;
import static org.griddesk.app.DistrictFiles.xlsx;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.griddesk.dispatch.Action;
import org.griddesk.dispatch.ActionInput;
import org.griddesk.dispatch.DeskCore;
import org.griddesk.dispatch.TicketActions;
import org.griddesk.domain.district.Camera;
import org.griddesk.domain.district.GridWorker;
import org.griddesk.domain.district.VisitHousehold;
import org.griddesk.domain.org.Actor;
import org.griddesk.domain.org.Role;
import org.griddesk.domain.org.UnitEntry;
import org.griddesk.domain.ticket.Channel;
import org.griddesk.domain.ticket.Ticket;
import org.griddesk.domain.ticket.TicketState;
import org.griddesk.geo.CoordinateSystem;
import org.griddesk.intake.Gateway;
import org.griddesk.intake.RateLimiter;
import org.griddesk.security.ApiKeys;
import org.griddesk.store.DataKeySetup;
import org.griddesk.store.Database;
import org.griddesk.store.DatabaseSettings;
import org.griddesk.store.ThreadGuard;
import org.griddesk.store.district.BaseDataRepository;
import org.griddesk.store.district.DistrictRepository;
import org.griddesk.store.security.ChannelKeyRepository;
import org.griddesk.store.ticket.TicketRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// `griddesk district import` and `export` on a store whose grids and catalogue were imported, as a
/// real district moves in: nothing from the demo generator.
class DistrictImportTest {
    /// 流动摊贩占道: the catalogue gives it to a town's 城管中队 (CG) and the district's 城管委 (CGW)
    private static final String STALLS = "04-03-001";
    private static final String UNITS_HEADER = "编号,名称,类别,层级,上级,队伍类型,联系人,联系电话";

    @TempDir
    Path dir;

    private Path data;

    @BeforeEach
    void store() throws Exception {
        data = DistrictFiles.importedStore(dir);
    }

    /// The town's centre, its city-management and safety teams, the district's 城管委; a name with a
    /// comma in quotes, as Excel writes it.
    private Path unitsGbk() throws Exception {
        return gbkCsv(dir.resolve("units.csv"), UNITS_HEADER,
                "DISTRICT,测试区网格化管理中心,中心,区,,,总值班室,022-28391234",
                "XSG,XSG名网格化管理中心,中心,镇街,DISTRICT,,值班室,022-2839 5678",
                "XSG-CG,\"XSG城管中队（一、二组, 联合执法）\",队伍,,XSG,CG,张队长,138 0013 8000",
                "XSG-AJ,XSG安监办,队伍,镇街,XSG,AJ,,",
                "JN-CGW,区城管委,部门,,DISTRICT,CGW,李科长,+86 139 1234 5678");
    }

    /// A worker per grid and a community's leader, typed in Excel: phones in number cells.
    private Path workersXlsx() throws Exception {
        return xlsx(dir.resolve("workers.xlsx"), List.of(
                List.of("id", "name", "phone", "grid", "community", "role"),
                List.of("W-1", "王网格", 13800000001L, "XSG-001-01", "XSG-001", "网格员"),
                List.of("W-2", "李网格", 13800000002L, "XSG-001-02", "", ""),
                List.of("W-3", "赵网格", 13800000003L, "XSG-002-01", "XSG-002", "worker"),
                List.of("W-4", "钱网格", 13800000004L, "XSG-002-02", "", "网格员"),
                List.of("L-1", "孙网格长", "13800000009", "", "XSG-002", "网格长")));
    }

    @Test
    void anImportedDistrictWithImportedTeamsAndWorkersDispatchesAHotlineOrderToTheCataloguesTeam() throws Exception {
        CliRun run = CliRun.in(data, "district", "import", "--units", unitsGbk().toString(), "--workers", workersXlsx().toString());
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("已导入：5 个单位（中心、队伍、部门），5 名网格员，0 个摄像头，0 户必访户。");
        // the town has its city-management and safety teams only: the catalogue's other street types are named
        String gap = run.out().lines().filter(l -> l.startsWith("注意：XSG名网格化管理中心")).findFirst().orElseThrow();
        assertThat(gap).contains("缺少以下队伍类型", "无法派单").doesNotContain("CG（", "AJ（");
        assertThat(run.out()).contains("注意：测试区网格化管理中心");

        try (Database db = Database.open(DatabaseSettings.embeddedH2(data), ThreadGuard.NONE)) {
            List<UnitEntry> units = new BaseDataRepository(db.dsl()).units();
            assertThat(units).filteredOn(u -> u.unit().id().equals("XSG-CG")).singleElement().satisfies(u -> {
                assertThat(u.unit().name()).isEqualTo("XSG城管中队（一、二组, 联合执法）");
                assertThat(u.teamTypeCode()).isEqualTo("CG");
                assertThat(u.contactPhone()).isEqualTo("13800138000");
            });
            assertThat(units).filteredOn(u -> u.unit().id().equals("XSG")).singleElement()
                    .satisfies(u -> assertThat(u.contactPhone()).isEqualTo("02228395678"));
            assertThat(db.dsl().fetchValue("SELECT change_kind FROM district_change ORDER BY seq DESC LIMIT 1", String.class))
                    .as("running desks and gateways are told").isEqualTo("ORGANISATION");
            DistrictRepository district = new DistrictRepository(db.dsl());
            assertThat(district.gridWorker("XSG-002-02")).map(GridWorker::phone).contains("13800000004");
            assertThat(district.gridWorker("XSG-001-02")).map(GridWorker::communityCode).contains("XSG-001");

            // a hotline order through the gateway, its point in GCJ-02 as the AMap-based hotline system
            // sends it (about 500 m off here, read as WGS-84): placed in XSG-002-02
            Clock clock = Clock.systemUTC();
            DataKeySetup.attach(db, data); // as the gateway's start does: the caller's phone is sealed
            String key = ApiKeys.newKey();
            new ChannelKeyRepository(db.dsl(), clock).add(Channel.HOTLINE_8890, "8890", ApiKeys.digest(key));
            double[] amap = CoordinateSystem.GCJ02.fromWgs(117.315, 38.915);
            Ticket ticket;
            try (Gateway gateway = Gateway.start("127.0.0.1", 0, () -> new Gateway.Health(true, "CONNECTED", "test"),
                    GatewayWiring.intakes(db, clock), RateLimiter.DEFAULT)) {
                String order = """
                        {"orderNo":"8890-0001","receivedAt":"2026-12-04T09:30:00+08:00","caller":{"name":"王建华","phone":"13812348000"},
                         "content":"小区门口流动摊贩占道经营，行人无法通行",
                         "point":{"lon":%s,"lat":%s,"crs":"GCJ-02"}}""".formatted(amap[0], amap[1]);
                HttpResponse<String> created = GatewayFixture.HTTP.send(HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + gateway.port() + "/api/v1/hotline/orders")).header("Content-Type", "application/json")
                        .header("X-Api-Key", key).POST(HttpRequest.BodyPublishers.ofString(order)).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
                String code = new ObjectMapper().readTree(created.body()).get("ticket").asText();
                ticket = new TicketRepository(db.dsl()).findByCode(code).orElseThrow();
            }
            assertThat(ticket.intake().gridCode()).isEqualTo("XSG-002-02");
            assertThat(ticket.ownerUnitId()).isEqualTo("XSG");

            // and dispatched at the desk by the town's dispatcher to the catalogue's team
            DeskCore desk = DeskCore.start(db, clock);
            try {
                TicketActions actions = desk.actions();
                Actor dispatcher = new Actor("u-a1-01", "调度员", Role.DISPATCHER, district.organisation().unit("XSG").orElseThrow());
                ActionInput form = actions.defaults(ticket, Action.ACCEPT_AND_DISPATCH, STALLS, false);
                assertThat(form.teamId()).isEqualTo("XSG-CG");
                TicketActions.Outcome done = desk.run(actions.command(ticket, Action.ACCEPT_AND_DISPATCH, form), dispatcher);
                assertThat(done.ok()).as(String.valueOf(done)).isTrue();
                assertThat(done.ticket().state()).isEqualTo(TicketState.DISPATCHED);
                assertThat(done.ticket().assignedTeamId()).isEqualTo("XSG-CG");
            } finally {
                desk.close();
            }
        }
    }

    @Test
    void aGatewayWithoutADataKeySaysSoAndTakesNothing() throws Exception {
        try (Database db = Database.open(DatabaseSettings.embeddedH2(data), ThreadGuard.NONE)) {
            Clock clock = Clock.systemUTC();
            String key = ApiKeys.newKey();
            new ChannelKeyRepository(db.dsl(), clock).add(Channel.HOTLINE_8890, "8890", ApiKeys.digest(key));
            try (Gateway gateway = Gateway.start("127.0.0.1", 0, () -> new Gateway.Health(true, "CONNECTED", "test"),
                    GatewayWiring.intakes(db, clock), RateLimiter.DEFAULT)) {
                String order = """
                        {"orderNo":"8890-0002","receivedAt":"2026-12-04T09:30:00+08:00","caller":{"name":"王建华","phone":"13812348000"},
                         "content":"路灯不亮","point":{"lon":117.315,"lat":38.915}}""";
                HttpResponse<String> refused = GatewayFixture.HTTP.send(HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + gateway.port() + "/api/v1/hotline/orders")).header("Content-Type", "application/json")
                        .header("X-Api-Key", key).POST(HttpRequest.BodyPublishers.ofString(order)).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(refused.statusCode()).isEqualTo(503);
                assertThat(refused.body()).contains("no_data_key", "个人信息密钥", "send again");
            }
            assertThat(new TicketRepository(db.dsl()).count()).as("nothing taken").isZero();
        }
    }

    @Test
    void aBadRowIsRefusedWithItsLineAndColumnAndNothingOfAnyFileIsWritten() throws Exception {
        Path units = gbkCsv(dir.resolve("units.csv"), UNITS_HEADER,
                "XSG-CG,XSG城管中队,队伍,,XSG,CG,张队长,13800138000",
                "",
                "XSG-XX,XSG某队,队伍,,XSG9,CG,,",
                "XSG-PCS,XSG派出所,队伍,,XSG,CGW,,",
                "XSG-AJ,XSG安监办,队伍,,XSG,AJ,,2228391234",
                "XSG-CG,又一个,队伍,,XSG,AJ,,");
        Path workers = xlsx(dir.resolve("workers.xlsx"), List.of(
                List.of("编号", "姓名", "电话", "网格"),
                List.of("W-1", "王网格", 13800000001L, "XSG-001-01"),
                List.of("W-2", "李网格", 12345678L, "XSG-001-09"),
                List.of("W-3", "赵网格", 13800000003L, "XSG-001-01")));
        CliRun run = CliRun.in(data, "district", "import", "--units", units.toString(), "--workers", workers.toString());
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("区情文件有 7 处问题，未导入任何内容",
                "units.csv 第 4 行 第 5 列（上级）：未知上级 XSG9",
                "units.csv 第 5 行 第 6 列（队伍类型）：队伍类型 CGW（津南区城市管理委员会）属于区级，不是镇街级",
                "units.csv 第 6 行 第 8 列（联系电话）：电话 2228391234 像是丢了开头 0 的座机号",
                "units.csv 第 7 行 第 1 列（编号）：编号 XSG-CG 与第 2 行重复",
                "workers.xlsx 第 3 行 第 3 列（电话）：电话 12345678 不是手机号",
                "workers.xlsx 第 3 行 第 4 列（网格）：库中没有网格 XSG-001-09",
                "workers.xlsx 第 4 行 第 4 列（网格）：网格 XSG-001-01 已有网格员 W-1（第 2 行）");
        try (Database db = Database.open(DatabaseSettings.embeddedH2(data), ThreadGuard.NONE)) {
            assertThat(new BaseDataRepository(db.dsl()).units()).as("the good rows are not written either")
                    .extracting(u -> u.unit().id()).containsExactlyInAnyOrder("DISTRICT", "XSG");
            assertThat(new BaseDataRepository(db.dsl()).workers()).isEmpty();
        }

        CliRun english = CliRun.in(data, "district", "import", "--units", units.toString(), "--lang", "en");
        assertThat(english.err()).contains("units.csv line 4, column 5 (parent): unknown parent XSG9");
    }

    @Test
    void aGridKeepsItsWorkerUntilTheFileNamesTheSameIdAndTheImportIsAuditedAsAChange() throws Exception {
        assertThat(CliRun.in(data, "district", "import", "--workers", workersXlsx().toString()).code()).isZero();
        Path newcomer = bomCsv(dir.resolve("w2.csv"), "编号,姓名,电话,网格", "W-9,周新,13800000099,XSG-001-01");
        CliRun refused = CliRun.in(data, "district", "import", "--workers", newcomer.toString());
        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err()).contains("w2.csv 第 2 行 第 4 列（网格）：网格 XSG-001-01 在库中已有网格员 W-1：换人请沿用该编号");

        Path sameId = bomCsv(dir.resolve("w3.csv"), "编号,姓名,电话,网格", "W-1,周新,13800000099,XSG-001-01");
        assertThat(CliRun.in(data, "district", "import", "--workers", sameId.toString()).code()).isZero();
        try (Database db = Database.open(DatabaseSettings.embeddedH2(data), ThreadGuard.NONE)) {
            assertThat(new DistrictRepository(db.dsl()).gridWorker("XSG-001-01")).map(GridWorker::name).contains("周新");
            assertThat(db.dsl().fetch("SELECT detail FROM audit_log WHERE target = 'district' ORDER BY seq")
                    .getValues(0, String.class)).as("each import audited, the refused one not").hasSize(2)
                    .allSatisfy(d -> assertThat(d).startsWith("imported from").contains("grid workers"));
        }
    }

    @Test
    void aFileWithManyProblemsListsTheFirstFiftyAndCountsTheRest() throws Exception {
        String[] rows = new String[71];
        rows[0] = "编号,姓名,电话,网格";
        for (int i = 1; i <= 70; i++) {
            rows[i] = "W-" + i + ",某人," + (13800000000L + i) + ",NO-GRID-" + i;
        }
        CliRun run = CliRun.in(data, "district", "import", "--workers", bomCsv(dir.resolve("many.csv"), rows).toString());
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("区情文件有 70 处问题", "many.csv 第 51 行 第 4 列（网格）：库中没有网格 NO-GRID-50",
                "……另有 20 处问题未列出").doesNotContain("NO-GRID-51");
    }

    @Test
    void aFileThatIsNoSpreadsheetOrLacksAColumnIsRefusedPlainly() throws Exception {
        Path noise = dir.resolve("units.csv");
        Files.write(noise, new byte[] {0x50, 0x4B, 0x03, 0x04, 0x00, 0x01, (byte) 0xFF, (byte) 0xFE, 0x02});
        Path fakeXlsx = Files.writeString(dir.resolve("workers.xlsx"), "编号,姓名\n");
        Path noPhone = bomCsv(dir.resolve("w.csv"), "编号,姓名,网格,备注", "W-1,王网格,XSG-001-01,新来的");
        Path stray = bomCsv(dir.resolve("h.csv"), "编号,网格,类别,户主姓名,电话,地址,", "H-1,XSG-001-01,独居老人,张秀英,13900000001,3号楼,,备注");
        CliRun run = CliRun.in(data, "district", "import", "--units", noise.toString(), "--workers", fakeXlsx.toString(),
                "--cameras", noPhone.toString(), "--households", stray.toString());
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("units.csv：文件不是文本", "workers.xlsx：不是可读的 XLSX 工作簿",
                "h.csv 第 2 行 第 8 列：该列没有表头，值“备注”无处可放",
                "w.csv 第 1 行：表头有不认识的列 姓名、备注", "w.csv 第 1 行：表头缺少必需的列“类型”");
        assertThat(run.err()).doesNotContain("Exception", "at org.");
    }

    @Test
    void camerasAndHouseholdsComeInWithTheirGridsCheckedAgainstTheirPoints() throws Exception {
        Path cameras = xlsx(dir.resolve("cameras.xlsx"), List.of(
                List.of("编号", "类型", "经度", "纬度", "网格", "视频流地址"),
                List.of("GQ-0001", "高清摄像头", 117.305123, 38.905456, "XSG-001-01", "rtsp://vms.example:554/live/GQ-0001"),
                List.of("KK-0001", "电子卡口", 117.315001, 38.915002, "", ""),
                List.of("ZG-0001", "制高点", 117.3005, 38.8999, "XSG-001-01", "")));   // on the road just south of the grid
        Path households = bomCsv(dir.resolve("households.csv"), "编号,网格,类别,户主姓名,电话,地址",
                "H-1,XSG-001-01,独居老人,张秀英,13900000001,XSG名XSG-001名 3号楼2单元101",
                "H-2,XSG-002-02,留守儿童,李明,022-28390000,\"XSG名XSG-002名 5号楼, 东门\"");
        CliRun run = CliRun.in(data, "district", "import", "--cameras", cameras.toString(), "--households", households.toString());
        assertThat(run.code()).as(run.err()).isZero();
        try (Database db = Database.open(DatabaseSettings.embeddedH2(data), ThreadGuard.NONE)) {
            DataKeySetup.attach(db, data);
            DistrictRepository district = new DistrictRepository(db.dsl());
            assertThat(district.cameras()).extracting(Camera::code, Camera::gridCode, Camera::lon).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("GQ-0001", "XSG-001-01", 117.305123),
                    org.assertj.core.groups.Tuple.tuple("KK-0001", "XSG-002-02", 117.315001),
                    org.assertj.core.groups.Tuple.tuple("ZG-0001", "XSG-001-01", 117.3005));
            assertThat(district.visitHouseholds("XSG-002-02")).singleElement().satisfies(h -> {
                assertThat(h.category()).isEqualTo(VisitHousehold.Category.LEFT_BEHIND_CHILD);
                assertThat(h.address()).isEqualTo("XSG名XSG-002名 5号楼, 东门");
                assertThat(h.phone()).isEqualTo("02228390000");
            });
        }

        // AMap gives GCJ-02: about 500 m off here until converted
        double[] amap = org.griddesk.geo.CoordinateSystem.GCJ02.fromWgs(117.3155, 38.9155);
        Path gcj = bomCsv(dir.resolve("cameras-amap.csv"), "code,kind,lon,lat", "GQ-0005,hd,%.6f,%.6f".formatted(amap[0], amap[1]));
        CliRun converted = CliRun.in(data, "district", "import", "--cameras", gcj.toString(), "--crs", "GCJ-02");
        assertThat(converted.code()).as(converted.err()).isZero();
        try (Database db = Database.open(DatabaseSettings.embeddedH2(data), ThreadGuard.NONE)) {
            assertThat(new DistrictRepository(db.dsl()).cameras()).filteredOn(c -> c.code().equals("GQ-0005")).singleElement()
                    .satisfies(c -> {
                        assertThat(c.gridCode()).isEqualTo("XSG-002-02");
                        assertThat(c.lon()).isCloseTo(117.3155, org.assertj.core.data.Offset.offset(1e-5));
                    });
        }

        Path wrong = bomCsv(dir.resolve("cameras2.csv"), "code,kind,lon,lat,grid",
                "GQ-0002,hd,117.315,38.915,XSG-001-01",
                "GQ-0003,hd,38.905,117.305,",
                "GQ-0004,无人机,117.5,38.5,");
        CliRun refused = CliRun.in(data, "district", "import", "--cameras", wrong.toString(), "--lang", "en");
        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err()).contains("cameras2.csv line 2, column 5 (grid): the point is about",
                "m outside grid XSG-001-01, in grid XSG-002-02", "line 3, column 3 (lon): longitude and latitude are swapped",
                "line 4, column 2 (kind): '无人机' is not one of", "line 4, column 3 (lon): the point is in none of the district's grids");
    }

    @Test
    void whatIsExportedImportsBackToTheSameDistrict() throws Exception {
        CliRun first = CliRun.in(data, "district", "import", "--units", unitsGbk().toString(), "--workers", workersXlsx().toString());
        assertThat(first.code()).as(first.err()).isZero();
        List<UnitEntry> units;
        List<GridWorker> workers;
        try (Database db = Database.open(DatabaseSettings.embeddedH2(data), ThreadGuard.NONE)) {
            units = new BaseDataRepository(db.dsl()).units();
            workers = new BaseDataRepository(db.dsl()).workers();
        }
        Path out = dir.resolve("export");
        CliRun export = CliRun.in(data, "district", "export", "--dir", out.toString());
        assertThat(export.code()).as(export.err()).isZero();
        byte[] bytes = Files.readAllBytes(out.resolve("units.csv"));
        assertThat(new String(bytes, 0, 3 + UNITS_HEADER.getBytes(java.nio.charset.StandardCharsets.UTF_8).length,
                java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("\uFEFF" + UNITS_HEADER);

        Path other = DistrictFiles.importedStore(dir.resolve("second"));
        CliRun again = CliRun.in(other, "district", "import", "--units", out.resolve("units.csv").toString(),
                "--workers", out.resolve("workers.csv").toString(), "--cameras", out.resolve("cameras.csv").toString());
        assertThat(again.code()).as(again.err()).isZero();
        try (Database db = Database.open(DatabaseSettings.embeddedH2(other), ThreadGuard.NONE)) {
            assertThat(new BaseDataRepository(db.dsl()).units()).isEqualTo(units);
            assertThat(new BaseDataRepository(db.dsl()).workers()).isEqualTo(workers);
        }
    }

    @Test
    void theTemplatesInTheDocsImportIntoTheDistrictTheyDescribe() throws Exception {
        Path docs = Path.of("docs", "onboarding");
        CliRun run = CliRun.in(data, "district", "import", "--units", docs.resolve("units.csv").toString(),
                "--workers", docs.resolve("workers.csv").toString(), "--cameras", docs.resolve("cameras.csv").toString(),
                "--households", docs.resolve("households.csv").toString());
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("6 个单位", "5 名网格员", "4 个摄像头", "3 户必访户");
    }
}

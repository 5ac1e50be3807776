package org.griddesk.desk.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.griddesk.desk.session.SecurityTexts;
import org.griddesk.domain.calendar.HolidayDay;
import org.griddesk.domain.district.Camera;
import org.griddesk.domain.district.GridWorker;
import org.griddesk.domain.org.Role;
import org.griddesk.domain.org.UnitLevel;
import org.griddesk.domain.taxonomy.Item;
import org.griddesk.domain.taxonomy.TeamType;
import org.griddesk.domain.ticket.Channel;
import org.griddesk.domain.ticket.DeadlineClass;
import org.griddesk.domain.ticket.DeadlinePolicy;
import org.griddesk.security.AccountRefused;
import org.griddesk.security.CalendarAdministration;
import org.griddesk.security.CameraAdministration;
import org.griddesk.security.ChannelKeyAdministration;
import org.griddesk.security.ChannelKeyAdministration.IssuedKey;
import org.griddesk.security.ChannelKeyAdministration.KeyHolder;
import org.griddesk.security.ChannelKeyAdministration.KeyRow;
import org.griddesk.security.GridWorkerAdministration;
import org.griddesk.security.GridWorkerAdministration.Post;
import org.griddesk.security.Session;
import org.griddesk.security.TaxonomyAdministration;
import org.griddesk.security.Workstation;
import org.griddesk.ui.CurrentThreadTaskExecutor;
import org.griddesk.ui.Language;
import org.junit.jupiter.api.Test;

/// The grid-worker, catalogue, camera, gateway-key and holiday tabs' view models: what they hand the services (with the
/// administrator's session), what they refuse before asking (a deadline or a point that is no
/// number), and a service's refusal shown in words with nothing changed.
class DistrictViewModelsTest {
    private static final SecurityTexts TEXTS = SecurityTexts.of(Language.ZH_CN);
    private static final Session ADMIN = new Session("A-1", "sysadmin", "系统管理员", "JN", Set.of(Role.SYSTEM_ADMIN), Instant.now(),
            new Workstation(null, null));

    private final List<String> calls = new ArrayList<>();

    private final GridWorkerAdministration workers = new GridWorkerAdministration() {
        private GridWorker g1 = new GridWorker("W-1", "张伟", "13800138000", "C1", "G1", false);

        @Override
        public List<Post> posts(Session by) {
            return List.of(new Post("G1", "红旗一网格", "C1", "红旗社区", false, g1), new Post("G2", "红旗二网格", "C1", "红旗社区", false, null),
                    new Post("C1", "红旗社区", "C1", "红旗社区", true, null));
        }

        @Override
        public void assign(Session by, String regionCode, String workerId, String name, String phone) {
            calls.add(by.username() + " " + regionCode + " " + workerId + " " + name + " " + phone);
            if (!phone.startsWith("1")) {
                throw new AccountRefused("admin.district.badPhone", phone);
            }
            g1 = new GridWorker(workerId, name, phone, "C1", regionCode, false);
        }
    };

    @Test
    void aPostIsFoundByThePersonsNameAndGivenToANewPerson() {
        GridWorkersViewModel model = new GridWorkersViewModel(new CurrentThreadTaskExecutor(), TEXTS, workers, () -> ADMIN);
        model.refresh();
        model.searchProperty().set("张伟");
        assertThat(model.posts()).extracting(Post::regionCode).containsExactly("G1");
        model.selectedProperty().set(model.posts().getFirst());
        assertThat(model.workerIdProperty().get()).isEqualTo("W-1");
        assertThat(model.phoneProperty().get()).as("typed anew").isEmpty();

        model.workerIdProperty().set("W-2");
        model.nameProperty().set("刘洋");
        model.phoneProperty().set("022-2839 1234x");
        model.assign();
        assertThat(model.messageProperty().get()).isEqualTo("电话“022-2839 1234x”不是大陆手机号（1 开头的 11 位）或带区号的座机号。");
        assertThat(model.refusedProperty().get()).isTrue();

        model.phoneProperty().set("139 0013 9000");
        model.assign();
        assertThat(calls).last().isEqualTo("sysadmin G1 W-2 刘洋 139 0013 9000");
        assertThat(model.refusedProperty().get()).isFalse();
        assertThat(model.messageProperty().get()).isEqualTo("已任命 刘洋 到 G1 红旗一网格。");
        assertThat(model.selectedProperty().get().holder().id()).isEqualTo("W-2");
    }

    @Test
    void anUrgentOrGeneralDeadlineTakesItsDaysAndAStatutoryOneMustBeInRange() {
        List<Item> items = new ArrayList<>(List.of(new Item("04-03-001", "流动摊贩占道", "C04", "C04-03", DeadlinePolicy.general(), false,
                "CG", "CGW")));
        TaxonomyAdministration taxonomy = new TaxonomyAdministration() {
            @Override
            public List<Item> catalogueItems(Session by) {
                return List.copyOf(items);
            }

            @Override
            public List<TeamType> catalogueTeamTypes(Session by) {
                return List.of(new TeamType("CG", UnitLevel.STREET, "城管中队"), new TeamType("AJ", UnitLevel.STREET, "安监办"),
                        new TeamType("CGW", UnitLevel.DISTRICT, "城管委"));
            }

            @Override
            public void changeItemRule(Session by, String itemCode, DeadlinePolicy deadline, boolean consultation, String street,
                                       String district) {
                calls.add(itemCode + " " + deadline.deadlineClass() + " " + deadline.workingDays() + " " + consultation + " " + street
                        + " " + district);
                items.set(0, new Item(itemCode, "流动摊贩占道", "C04", "C04-03", deadline, consultation, street, district));
            }
        };
        CatalogueViewModel model = new CatalogueViewModel(new CurrentThreadTaskExecutor(), TEXTS, taxonomy, () -> ADMIN);
        model.refresh();
        assertThat(model.teamTypes(UnitLevel.STREET)).extracting(TeamType::code).containsExactly("CG", "AJ");
        model.selectedProperty().set(model.items().getFirst());
        assertThat(model.daysProperty().get()).isEqualTo("7");
        assertThat(model.streetTeamTypeProperty().get().code()).isEqualTo("CG");

        model.deadlineClassProperty().set(DeadlineClass.URGENT);
        assertThat(model.daysProperty().get()).isEqualTo("2");
        model.deadlineClassProperty().set(DeadlineClass.STATUTORY);
        model.daysProperty().set("91");
        model.save();
        assertThat(model.messageProperty().get()).isEqualTo("时限不对：紧急类 2 个工作日，一般类 7 个工作日，法定类 1–90 个工作日。");
        assertThat(calls).as("nothing asked").isEmpty();

        model.daysProperty().set("15");
        model.consultationProperty().set(true);
        model.streetTeamTypeProperty().set(model.teamTypes(UnitLevel.STREET).get(1));
        model.save();
        assertThat(calls).containsExactly("04-03-001 STATUTORY 15 true AJ CGW");
        assertThat(model.messageProperty().get()).isEqualTo("已更新事项 04-03-001 流动摊贩占道。");
        assertThat(model.items().getFirst().deadline()).isEqualTo(DeadlinePolicy.statutory(15));
    }

    @Test
    void aCameraIsFilteredByItsGridAndAPointThatIsNoNumberIsNotSent() {
        List<Camera> cameras = new ArrayList<>(List.of(new Camera("GQ-1", Camera.Kind.HD, 117.305, 38.985, "G1"),
                new Camera("GQ-2", Camera.Kind.FACE, 117.315, 38.985, "G2")));
        CameraAdministration administration = new CameraAdministration() {
            @Override
            public List<Camera> cameras(Session by) {
                return List.copyOf(cameras);
            }

            @Override
            public void saveCamera(Session by, Camera camera) {
                calls.add(camera.code() + " " + camera.kind() + " " + camera.lon() + " " + camera.lat() + " " + camera.gridCode());
                if (camera.gridCode().equals("G2") && camera.lon() < 117.31) {
                    throw new AccountRefused("admin.district.cameras.farFromGrid", 430, "G2", 100);
                }
                cameras.add(camera);
            }
        };
        CamerasViewModel model = new CamerasViewModel(new CurrentThreadTaskExecutor(), TEXTS, administration, () -> ADMIN);
        model.refresh();
        model.filterProperty().set("g2");
        assertThat(model.cameras()).extracting(Camera::code).containsExactly("GQ-2");
        assertThat(model.countText().get()).isEqualTo("共 2 个点位，显示 1 个");
        model.selectedProperty().set(model.cameras().getFirst());
        assertThat(model.lonProperty().get()).isEqualTo("117.315");

        model.codeProperty().set("GQ-3");
        model.lonProperty().set("117,305");
        model.save();
        assertThat(model.messageProperty().get()).isEqualTo("经度和纬度须为数字。");
        assertThat(calls).isEmpty();

        model.lonProperty().set(" 117.305 ");
        model.save();
        assertThat(model.messageProperty().get()).isEqualTo("该点在网格 G2 外约 430 米，超过 100 米，不能归入该网格。");
        assertThat(cameras).hasSize(2);

        model.gridProperty().set("G1");
        model.save();
        assertThat(calls).last().isEqualTo("GQ-3 FACE 117.305 38.985 G1");
        assertThat(model.messageProperty().get()).isEqualTo("已保存点位 GQ-3。");
    }

    @Test
    void anIssuedKeyIsShownUntilDismissedAndARevokedOneCannotBeRevokedAgain() {
        List<KeyRow> rows = new ArrayList<>();
        ChannelKeyAdministration keys = new ChannelKeyAdministration() {
            @Override
            public List<KeyRow> keys(Session by) {
                return List.copyOf(rows);
            }

            @Override
            public List<KeyHolder> keyHolders(Session by) {
                return List.of(new KeyHolder(Channel.HOTLINE_8890, null, "8890热线"), new KeyHolder(null, "JN-CGW", "津南区城市管理委员会"));
            }

            @Override
            public IssuedKey issueKey(Session by, KeyHolder holder, String label) {
                calls.add("issue " + by.username() + " " + holder + " " + label);
                if (holder == null) {
                    throw new AccountRefused("admin.district.keys.noHolder");
                }
                KeyRow row = new KeyRow(rows.size() + 1, "HOTLINE_8890", holder.name(), label.strip(), Instant.EPOCH, null);
                rows.add(row);
                return new IssuedKey(row, "gdk_secret");
            }

            @Override
            public void revokeKey(Session by, long keyId) {
                calls.add("revoke " + keyId);
                if (!rows.get((int) keyId - 1).active()) {
                    throw new AccountRefused("admin.district.keys.noSuchKey", keyId);
                }
                KeyRow r = rows.get((int) keyId - 1);
                rows.set((int) keyId - 1, new KeyRow(r.id(), r.holder(), r.holderName(), r.label(), r.createdAt(), Instant.EPOCH));
            }
        };
        ChannelKeysViewModel model = new ChannelKeysViewModel(new CurrentThreadTaskExecutor(), TEXTS, keys, () -> ADMIN);
        model.refresh();
        assertThat(model.holders()).hasSize(2);

        model.issue();
        assertThat(model.messageProperty().get()).isEqualTo("请选择密钥的持有方：一个渠道或一支队伍。");
        assertThat(model.issuedKeyProperty().get()).isEmpty();

        model.holderProperty().set(model.holders().getFirst());
        model.labelProperty().set("8890 平台");
        model.issue();
        assertThat(model.issuedKeyProperty().get()).isEqualTo("gdk_secret");
        assertThat(model.messageProperty().get()).isEqualTo("已签发密钥 1（8890热线）。请立即复制，关闭后无法再次查看：");
        assertThat(model.keys()).hasSize(1);
        model.dismissKey();
        assertThat(model.issuedKeyProperty().get()).as("forgotten").isEmpty();

        model.selectedProperty().set(model.keys().getFirst());
        model.revoke();
        assertThat(model.messageProperty().get()).isEqualTo("已吊销密钥 1。");
        assertThat(model.keys().getFirst().active()).isFalse();
        model.selectedProperty().set(model.keys().getFirst());
        model.revoke();
        assertThat(model.messageProperty().get()).isEqualTo("没有编号为 1 的有效密钥（可能已吊销）。");
        assertThat(calls).containsExactly("issue sysadmin null ", "issue sysadmin 8890热线 8890 平台",
                "revoke 1", "revoke 1");
    }

    @Test
    void aDayIsMarkedInTheYearShownAndAnotherYearIsReadWhenChosen() {
        List<HolidayDay> days = new ArrayList<>();
        List<Integer> read = new ArrayList<>();
        CalendarAdministration calendar = new CalendarAdministration() {
            @Override
            public List<HolidayDay> holidayDays(Session by, int year) {
                read.add(year);
                return days.stream().filter(d -> d.date().getYear() == year).toList();
            }

            @Override
            public void markDay(Session by, LocalDate date, boolean offDay, String name) {
                calls.add("mark " + date + " " + offDay + " " + name);
                if (!offDay && date.getDayOfWeek().getValue() < 6) {
                    throw new AccountRefused("admin.district.calendar.swapOnWeekday", date);
                }
                days.add(new HolidayDay(date, name, offDay));
            }

            @Override
            public void unmarkDay(Session by, LocalDate date) {
                calls.add("unmark " + date);
                days.removeIf(d -> d.date().equals(date));
            }
        };
        HolidayCalendarViewModel model = new HolidayCalendarViewModel(new CurrentThreadTaskExecutor(), TEXTS, calendar, () -> ADMIN,
                LocalDate.of(2026, 12, 4));
        model.refresh();
        assertThat(read).containsExactly(2026);

        model.dateProperty().set(LocalDate.of(2027, 2, 22));
        model.offDayProperty().set(false);
        model.nameProperty().set("春节");
        model.mark();
        assertThat(model.messageProperty().get()).isEqualTo("2027-02-22 不是周末：调休上班日只能是周六或周日。");
        assertThat(model.yearProperty().get()).as("still the year shown").isEqualTo(2026);

        model.dateProperty().set(LocalDate.of(2027, 2, 20));
        model.mark();
        assertThat(model.yearProperty().get()).as("the marked day's year is shown").isEqualTo(2027);
        assertThat(model.days()).containsExactly(new HolidayDay(LocalDate.of(2027, 2, 20), "春节", false));
        assertThat(model.countText().get()).isEqualTo("2027 年：放假 0 天，调休上班 1 天");
        assertThat(model.messageProperty().get()).isEqualTo("已将 2027-02-20 标记为调休上班（春节）。");

        model.selectedProperty().set(model.days().getFirst());
        model.unmark();
        assertThat(model.days()).isEmpty();
        assertThat(calls).containsExactly("mark 2027-02-22 false 春节", "mark 2027-02-20 false 春节", "unmark 2027-02-20");
    }
}

package org.griddesk.desk.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.griddesk.desk.session.SecurityTexts;
import org.griddesk.domain.district.Camera;
import org.griddesk.domain.district.GridWorker;
import org.griddesk.domain.org.Role;
import org.griddesk.domain.org.UnitLevel;
import org.griddesk.domain.taxonomy.Item;
import org.griddesk.domain.taxonomy.TeamType;
import org.griddesk.domain.ticket.DeadlineClass;
import org.griddesk.domain.ticket.DeadlinePolicy;
import org.griddesk.security.AccountRefused;
import org.griddesk.security.CameraAdministration;
import org.griddesk.security.GridWorkerAdministration;
import org.griddesk.security.GridWorkerAdministration.Post;
import org.griddesk.security.Session;
import org.griddesk.security.TaxonomyAdministration;
import org.griddesk.security.Workstation;
import org.griddesk.ui.CurrentThreadTaskExecutor;
import org.griddesk.ui.Language;
import org.junit.jupiter.api.Test;

/// The grid-worker, catalogue and camera tabs' view models: what they hand the services (with the
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
}

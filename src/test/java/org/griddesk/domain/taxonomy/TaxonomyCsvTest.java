package org.griddesk.domain.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;
import org.griddesk.domain.org.UnitLevel;
import org.griddesk.domain.ticket.DeadlineClass;
import org.junit.jupiter.api.Test;

class TaxonomyCsvTest {
    private final Taxonomy demo = TaxonomyCsv.demo();

    private static InputStream csv(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theDemoCatalogueHasTheShapeOfTheRealOne() {
        assertThat(demo.categories()).hasSize(9);
        assertThat(demo.subcategories()).hasSize(39);
        assertThat(demo.items()).hasSize(238);
        assertThat(demo.categories()).extracting(Category::name)
                .contains("公共安全", "矛盾纠纷", "社情民意", "市容环境", "安全生产", "交通秩序");
        assertThat(demo.items()).extracting(Item::code).doesNotHaveDuplicates();
        assertThat(demo.items()).extracting(Item::name).doesNotHaveDuplicates();
    }

    @Test
    void itemsAreConsistentWithTheirCategoryAndTeams() {
        for (Item item : demo.items()) {
            assertThat(item.code()).startsWith(item.subcategoryCode() + "-");
            assertThat(item.subcategoryCode()).startsWith(item.categoryCode() + "-");
            assertThat(demo.teamType(item.streetTeamType())).get().extracting(TeamType::level).isEqualTo(UnitLevel.STREET);
            assertThat(demo.teamType(item.districtTeamType())).get().extracting(TeamType::level).isEqualTo(UnitLevel.DISTRICT);
        }
        Item manhole = demo.items().stream().filter(i -> i.name().equals("井盖缺失")).findFirst().orElseThrow();
        assertThat(manhole.deadline().deadlineClass()).isEqualTo(DeadlineClass.URGENT);
        assertThat(demo.teamType(manhole.districtTeamType())).get().extracting(TeamType::name).isEqualTo("津南区交通运输局");
        Item residence = demo.items().stream().filter(i -> i.name().equals("居住证办理咨询")).findFirst().orElseThrow();
        assertThat(residence.consultation()).isTrue();
        Map<DeadlineClass, Long> classes = demo.items().stream()
                .collect(Collectors.groupingBy(i -> i.deadline().deadlineClass(), Collectors.counting()));
        assertThat(classes).containsKeys(DeadlineClass.URGENT, DeadlineClass.GENERAL, DeadlineClass.STATUTORY);
    }

    @Test
    void aBadCatalogueIsRefusedWholeWithEveryLineNamed() {
        String types = "code,level,name\nCG,STREET,城管中队\nCGW,DISTRICT,城管委\nCG,STREET,重复\nXX,CITY,错\n";
        String items = """
                category_code,category_name,subcategory_code,subcategory_name,item_code,item_name,deadline,consultation,street_team_type,district_team_type
                04,市容环境,04-01,环境卫生,04-01-001,垃圾桶满溢,general,N,CG,CGW
                04,市容环境,04-01,环境卫生,04-01-001,重复编码,general,N,CG,CGW
                04,市容,04-01,环境卫生,04-01-002,名称冲突,sometime,Q,CGW,CG
                04,市容环境,04-01,环境卫生,04-01-003,法定太长,statutory:400,N,CG,CGW
                04,缺字段
                """;
        assertThatThrownBy(() -> TaxonomyCsv.read(csv(types), csv(items)))
                .isInstanceOfSatisfying(TaxonomyCsv.InvalidCatalogueException.class, e -> assertThat(e.problems())
                        .anyMatch(p -> p.contains("team types line 4") && p.contains("twice"))
                        .anyMatch(p -> p.contains("team types line 5") && p.contains("CITY"))
                        .anyMatch(p -> p.contains("items line 3") && p.contains("04-01-001 is listed twice"))
                        .anyMatch(p -> p.contains("items line 4") && p.contains("two names"))
                        .anyMatch(p -> p.contains("items line 4") && p.contains("sometime"))
                        .anyMatch(p -> p.contains("items line 4") && p.contains("Y or N"))
                        .anyMatch(p -> p.contains("items line 4") && p.contains("'CGW' is not a STREET"))
                        .anyMatch(p -> p.contains("items line 5") && p.contains("statutory:400"))
                        .anyMatch(p -> p.contains("items line 6") && p.contains("expected 10")));
    }
}

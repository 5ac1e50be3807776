package org.griddesk.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import org.griddesk.domain.district.Responsibility;
import org.griddesk.domain.district.Team;
import org.griddesk.domain.taxonomy.TaxonomyCsv;
import org.griddesk.domain.ticket.CallbackResult;
import org.griddesk.domain.ticket.Ticket;
import org.griddesk.testsupport.LifecycleFixture;
import org.junit.jupiter.api.Test;

class CommandLineTest {
    private static final List<String> CODES = List.of("2611-0042", "2611-0043", "2610-0042", "2611-1042");
    private final Responsibility catalogue = new Responsibility(LifecycleFixture.ORGANISATION, TaxonomyCsv.demo(), List.of(
            new Team(LifecycleFixture.XSG_CITY_MGMT, "CG"), new Team(LifecycleFixture.XSG_SAFETY, "AJ"),
            new Team(LifecycleFixture.DISTRICT_CITY_MGMT, "CGW"), new Team(LifecycleFixture.DISTRICT_WATER, "SW")));
    private final TicketActions actions = new TicketActions(LifecycleFixture.lifecycle(), null, null, catalogue, TaxonomyCsv.demo(),
            Clock.systemUTC());
    private final Ticket reported = LifecycleFixture.lifecycle().report(7, "2611-0042",
            LifecycleFixture.hotlineRequest("8890-1", LifecycleFixture.shanghai("2026-11-23T09:00")), "JN-XSG", LifecycleFixture.HOTLINE,
            LifecycleFixture.shanghai("2026-11-23T09:00")).after();

    @Test
    void chineseAndEnglishLinesNameTheSameAction() {
        var zh = CommandLine.parse("派 2611-0042 城管");
        var en = CommandLine.parse("dispatch  2611-0042\u3000chengguan");
        assertThat(zh.action()).isEqualTo(Action.ACCEPT_AND_DISPATCH).isEqualTo(en.action());
        assertThat(zh.ticket()).isEqualTo("2611-0042").isEqualTo(en.ticket());
        assertThat(en.args()).containsExactly("chengguan");
        assertThat(CommandLine.parse("延期 0042 3 需协调管线单位").action()).isEqualTo(Action.REQUEST_EXTENSION);
        assertThat(CommandLine.parse("升级 0042 跨镇街").action()).isEqualTo(Action.ESCALATE);
        assertThat(CommandLine.parse("合并 0043 0042").action()).isEqualTo(Action.MERGE);
    }

    @Test
    void aLineThatCannotBeReadSaysWhy() {
        assertThat(CommandLine.parse("").error()).isEqualTo("command.empty");
        assertThat(CommandLine.parse("飞 2611-0042").error()).isEqualTo("command.unknownVerb");
        assertThat(CommandLine.parse("派").error()).isEqualTo("command.noTicket");
    }

    @Test
    void aTicketIsItsWholeCodeOrTheOneCodeEndingInWhatWasTyped() {
        assertThat(CommandLine.ticketCode("2611-0042", CODES)).contains("2611-0042");
        assertThat(CommandLine.ticketCode("0043", CODES)).contains("2611-0043");
        assertThat(CommandLine.ticketCode("0042", CODES)).as("two months have a 0042").isEmpty();
        assertThat(CommandLine.ticketCode("1042", CODES)).contains("2611-1042");
    }

    @Test
    void teamsMatchByNameOrPinyinAndTheCatalogueWinsATie() {
        var input = actions.defaults(reported, Action.ACCEPT_AND_DISPATCH, "04-03-001", false);
        for (String typed : List.of("城管", "chengguan", "cg", "JN-XSG-CG")) {
            var filled = CommandLine.fill(CommandLine.parse("派 0042 " + typed), reported, input, actions);
            assertThat(filled.ok()).as(typed).isTrue();
            assertThat(filled.input().teamId()).as(typed).isEqualTo("JN-XSG-CG");
        }
        assertThat(CommandLine.fill(CommandLine.parse("派 0042 anjian"), reported, input, actions).input().teamId()).isEqualTo("JN-XSG-AJ");
        var none = CommandLine.fill(CommandLine.parse("派 0042 消防"), reported, input, actions);
        assertThat(none.error()).isEqualTo("command.noTeam");
        assertThat(none.word()).isEqualTo("消防");
    }

    @Test
    void daysReasonsVerdictsAndMastersFillTheirFields() {
        var ext = CommandLine.fill(CommandLine.parse("延期 0042 3 需协调 管线单位"), reported, ActionInput.EMPTY, actions);
        assertThat(ext.input().days()).isEqualTo(3);
        assertThat(ext.input().text()).isEqualTo("需协调 管线单位");
        assertThat(CommandLine.fill(CommandLine.parse("延期 0042 三天"), reported, ActionInput.EMPTY, actions).error()).isEqualTo("command.noDays");
        assertThat(CommandLine.fill(CommandLine.parse("回访 0042 基本满意 已电话"), reported, ActionInput.EMPTY, actions).input().callback())
                .isEqualTo(CallbackResult.BASICALLY_SATISFIED);
        assertThat(CommandLine.fill(CommandLine.parse("callback 0042 dissatisfied"), reported, ActionInput.EMPTY, actions).input().callback())
                .isEqualTo(CallbackResult.DISSATISFIED);
        assertThat(CommandLine.fill(CommandLine.parse("合并 0042 2611-0040"), reported, ActionInput.EMPTY, actions).input().masterCode())
                .isEqualTo("2611-0040");
        var approve = CommandLine.fill(CommandLine.parse("批准 0042 已告知 电话告知"), reported, ActionInput.EMPTY, actions);
        assertThat(approve.input().citizenInformed()).isTrue();
        assertThat(approve.input().text()).isEqualTo("电话告知");
        var items = CommandLine.fill(CommandLine.parse("受理 0042 liudongtanfan"), reported, ActionInput.EMPTY, actions);
        assertThat(items.input().itemCode()).isEqualTo("04-03-001");
    }

    @Test
    void completionOffersVerbsThenTicketsThenTeams() {
        CommandLine.Vocabulary words = new CommandLine.Vocabulary() {
            @Override
            public List<String[]> tickets(String typed) {
                return CODES.stream().filter(c -> c.contains(typed)).map(c -> new String[] {c, "井盖缺失"}).toList();
            }

            @Override
            public List<String> names(Action action, String ticket) {
                return List.of("城管中队", "安监办");
            }
        };
        assertThat(CommandLine.complete("pa", words, 8)).extracting(c -> c[0]).contains("派 ");
        assertThat(CommandLine.complete("dis", words, 8)).extracting(c -> c[0]).contains("dispatch ");
        assertThat(CommandLine.complete("派 0043", words, 8)).extracting(c -> c[0]).containsExactly("派 2611-0043 ");
        assertThat(CommandLine.complete("派 2611-0043 cg", words, 8)).extracting(c -> c[0]).containsExactly("派 2611-0043 城管中队 ");
        assertThat(CommandLine.complete("派 2611-0043 ", words, 8)).hasSize(2);
    }

    @Test
    void pinyinFindsNamesByWholeSyllablesOrInitials() {
        assertThat(Pinyin.matches("城管中队", "chengguan")).isTrue();
        assertThat(Pinyin.matches("城管中队", "cgzd")).isTrue();
        assertThat(Pinyin.matches("城管中队", "guanzhong")).isTrue();
        assertThat(Pinyin.matches("城管中队", "chengguanzd")).isTrue();
        assertThat(Pinyin.matches("城管中队", "anjian")).isFalse();
        assertThat(Pinyin.matches("津南区水务局", "shuiwu")).isTrue();
        assertThat(Pinyin.matches("津南区水务局", "水务")).isTrue();
    }
}

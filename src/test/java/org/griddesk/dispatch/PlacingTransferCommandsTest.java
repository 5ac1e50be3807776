package org.griddesk.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.griddesk.testsupport.LifecycleFixture.GG_DISPATCHER;
import static org.griddesk.testsupport.LifecycleFixture.HOTLINE;
import static org.griddesk.testsupport.LifecycleFixture.JN_DISPATCHER;
import static org.griddesk.testsupport.LifecycleFixture.XSG_DISPATCHER;
import static org.griddesk.testsupport.LifecycleFixture.shanghai;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.griddesk.domain.district.Responsibility;
import org.griddesk.domain.taxonomy.TaxonomyCsv;
import org.griddesk.domain.ticket.Channel;
import org.griddesk.domain.ticket.Intake;
import org.griddesk.domain.ticket.Ticket;
import org.griddesk.domain.ticket.TicketCommand;
import org.griddesk.testsupport.LifecycleFixture;
import org.junit.jupiter.api.Test;

/// The command bar's new verbs (定位, 移交, 接收, 拒收, 报市 and their English words), the grid search
/// behind placing, and the actions the desk offers for them.
class PlacingTransferCommandsTest {
    private static final Instant MONDAY_9 = shanghai("2026-11-23T09:00");
    private static final GridDirectory GRIDS = new GridDirectory(List.of(
            new GridDirectory.Grid("JN-XSG-003-02", "金桥社区第2网格", "金桥社区", "咸水沽镇", "JN-XSG"),
            new GridDirectory.Grid("JN-XSG-003-12", "金桥社区第12网格", "金桥社区", "咸水沽镇", "JN-XSG"),
            new GridDirectory.Grid("JN-XSG-004-01", "津沽苑社区第1网格", "津沽苑社区", "咸水沽镇", "JN-XSG"),
            new GridDirectory.Grid("JN-GG-001-02", "东埝社区第2网格", "东埝社区", "葛沽镇", "JN-GG")));
    private final TicketActions actions = new TicketActions(LifecycleFixture.lifecycle(), null, null,
            new Responsibility(LifecycleFixture.ORGANISATION, TaxonomyCsv.demo(), List.of()), TaxonomyCsv.demo(),
            Clock.fixed(MONDAY_9.plusSeconds(600), ZoneOffset.UTC), GRIDS, LifecycleFixture.ORGANISATION);

    private static Ticket unplaced() {
        Intake intake = new Intake(Channel.HOTLINE_8890, "8890-9", "路灯不亮", null, MONDAY_9);
        return LifecycleFixture.lifecycle().report(9, "2611-0042", intake, "JN", HOTLINE, MONDAY_9).after();
    }

    private static Ticket inXianshuigu() {
        return LifecycleFixture.lifecycle().report(9, "2611-0042", LifecycleFixture.hotlineRequest("8890-9", MONDAY_9), "JN-XSG",
                HOTLINE, MONDAY_9).after();
    }

    private CommandLine.Filled fill(String line, Ticket t) {
        return CommandLine.fill(CommandLine.parse(line), t, ActionInput.EMPTY, actions);
    }

    @Test
    void theNewVerbsNameTheirActionsInChineseAndEnglish() {
        assertThat(CommandLine.parse("撤回移交 0042 x").action()).isEqualTo(Action.WITHDRAW_TRANSFER);
        assertThat(CommandLine.parse("withdraw 0042 x").action()).isEqualTo(Action.WITHDRAW_TRANSFER);
        Map<String, Action> verbs = Map.of("定位", Action.PLACE, "place", Action.PLACE, "移交", Action.TRANSFER,
                "transfer", Action.TRANSFER, "接收", Action.ACCEPT_TRANSFER, "take", Action.ACCEPT_TRANSFER, "拒收",
                Action.REFUSE_TRANSFER, "refuse", Action.REFUSE_TRANSFER, "报市", Action.REFER_CITY, "refer", Action.REFER_CITY);
        verbs.forEach((verb, action) -> assertThat(CommandLine.parse(verb + " 0042 x").action()).as(verb).isEqualTo(action));
        assertThat(CommandLine.parse("报请市级 0042 x").action()).isEqualTo(Action.REFER_CITY);
        assertThat(CommandLine.complete("yij", null, 8)).extracting(c -> c[0]).contains("移交 ");
        assertThat(CommandLine.complete("dingw", null, 8)).extracting(c -> c[0]).contains("定位 ");
    }

    @Test
    void placingFindsTheGridByCodeNameOrPinyinAndRunsThroughTheRules() {
        Ticket t = unplaced();
        for (String typed : List.of("JN-XSG-003-02", "jn-xsg-003-02", "金桥社区第2网格", "金桥 2", "jinqiao 2", "jq 2")) {
            var filled = fill("定位 0042 " + typed, t);
            assertThat(filled.ok()).as(typed).isTrue();
            assertThat(filled.input().gridCode()).as(typed).isEqualTo("JN-XSG-003-02");
        }
        var none = fill("定位 0042 火星", t);
        assertThat(none.error()).isEqualTo("command.noGrid");
        assertThat(none.word()).isEqualTo("火星");

        DeskCommand place = actions.command(t, Action.PLACE, fill("place 0042 jq 2", t).input());
        assertThat(place.lifecycle(t, null)).containsExactly(new TicketCommand.PlaceOnGrid("JN-XSG-003-02", "JN-XSG"));
        assertThat(actions.check(place, JN_DISPATCHER).allowed()).isTrue();
        assertThat(actions.check(place, XSG_DISPATCHER).reason().key()).isEqualTo("refusal.notOwner");
    }

    @Test
    void aTransferLineNamesTheCentreThenTheReason() {
        Ticket t = inXianshuigu();
        var filled = fill("移交 0042 葛沽 路灯属 葛沽镇管辖", t);
        assertThat(filled.input().centreId()).isEqualTo("JN-GG");
        assertThat(filled.input().text()).isEqualTo("路灯属 葛沽镇管辖");
        assertThat(fill("transfer 0042 gegu street lamp", t).input().centreId()).isEqualTo("JN-GG");
        assertThat(fill("移交 0042 月球 理由", t).error()).isEqualTo("command.noCentre");

        DeskCommand transfer = actions.command(t, Action.TRANSFER, filled.input());
        assertThat(actions.check(transfer, XSG_DISPATCHER).allowed()).isTrue();
        Ticket pending = LifecycleFixture.lifecycle().execute(t, transfer.lifecycle(t, null).getFirst(), XSG_DISPATCHER,
                MONDAY_9.plusSeconds(60)).after();
        assertThat(actions.available(pending, GG_DISPATCHER)).startsWith(Action.ACCEPT_TRANSFER, Action.REFUSE_TRANSFER);
        assertThat(actions.available(pending, XSG_DISPATCHER)).doesNotContain(Action.ACCEPT_TRANSFER, Action.ACCEPT,
                Action.TRANSFER).contains(Action.WITHDRAW_TRANSFER);
        assertThat(actions.available(pending, GG_DISPATCHER)).doesNotContain(Action.WITHDRAW_TRANSFER);
        assertThat(actions.command(pending, Action.WITHDRAW_TRANSFER, fill("撤回移交 0042 误移交", pending).input())
                .lifecycle(pending, null)).containsExactly(new TicketCommand.WithdrawTransfer("误移交"));
        var refuse = fill("拒收 0042 该路段由咸水沽镇养护", pending);
        assertThat(actions.command(pending, Action.REFUSE_TRANSFER, refuse.input()).lifecycle(pending, null))
                .containsExactly(new TicketCommand.RefuseTransfer("该路段由咸水沽镇养护"));
        assertThat(actions.check(actions.command(pending, Action.ACCEPT_TRANSFER, fill("接收 0042", pending).input()),
                GG_DISPATCHER).allowed()).isTrue();
    }

    @Test
    void aReferralTakesItsReasonAndTheCityPlatformsNumber() {
        Ticket t = inXianshuigu();
        var filled = fill("报市 0042 涉及跨区 管线 编号:SJ-2026-118", t);
        assertThat(filled.input().text()).isEqualTo("涉及跨区 管线");
        assertThat(filled.input().reference()).isEqualTo("SJ-2026-118");
        assertThat(fill("refer 0042 cross-district pipes ref:SJ-9", t).input().reference()).isEqualTo("SJ-9");
        assertThat(fill("报市 0042 无编号也可以", t).input().reference()).isEmpty();
        assertThat(actions.command(t, Action.REFER_CITY, filled.input()).lifecycle(t, null))
                .containsExactly(new TicketCommand.ReferToCity("涉及跨区 管线", "SJ-2026-118"));
    }

    @Test
    void anUnplacedTicketOffersPlacingFirst() {
        assertThat(actions.available(unplaced(), JN_DISPATCHER)).first().isEqualTo(Action.PLACE);
        assertThat(actions.available(inXianshuigu(), XSG_DISPATCHER)).first().isNotEqualTo(Action.PLACE);
        assertThat(actions.available(inXianshuigu(), XSG_DISPATCHER)).contains(Action.PLACE, Action.TRANSFER)
                .doesNotContain(Action.REFER_CITY, Action.ACCEPT_TRANSFER);
    }

    @Test
    void theGridSearchNarrowsByEveryWordAndANumberIsTheGridsNumber() {
        assertThat(GRIDS.find("金桥 2", 10)).extracting(GridDirectory.Grid::code).containsExactly("JN-XSG-003-02");
        assertThat(GRIDS.find("金桥", 10)).hasSize(2);
        assertThat(GRIDS.find("JN-XSG", 10)).hasSize(3);
        assertThat(GRIDS.find("葛沽", 10)).extracting(GridDirectory.Grid::centreId).containsExactly("JN-GG");
        assertThat(GRIDS.find("jgy", 10)).extracting(GridDirectory.Grid::code).containsExactly("JN-XSG-004-01");
        assertThat(GRIDS.find("", 10)).isEmpty();
        assertThat(GRIDS.find("' OR 1=1 --" + "x".repeat(10_000), 10)).isEmpty();
        assertThat(GRIDS.find("JN-XSG-003-12", 10)).first().extracting(GridDirectory.Grid::code).isEqualTo("JN-XSG-003-12");
        assertThat(GRIDS.grid("JN-GG-001-02").map(GridDirectory.Grid::label)).contains("葛沽镇 · 东埝社区第2网格 (JN-GG-001-02)");
    }
}

package org.griddesk.store.digest;

import static org.griddesk.store.jooq.Tables.REGION;
import static org.griddesk.store.jooq.Tables.TAXONOMY_CATEGORY;
import static org.griddesk.store.jooq.Tables.TAXONOMY_ITEM;
import static org.griddesk.store.jooq.Tables.TICKET;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.griddesk.security.PersonalField;
import org.griddesk.store.PersonalDataVault;
import org.jooq.DSLContext;

/// A hand-made district and 28 days of requests for the digest's tests, the same every day:
/// 30 consultations (K3/I5) in grid C1-G2, 4 rubbish complaints (I1) in C1-G1, 3 street-stall
/// complaints (I2) in C2-G1, one shop-noise complaint (I3) in C3-G1 and one neighbour dispute (I4)
/// in C3-G2 — 39 a day from 00:10 Beijing time, 36 minutes apart (at most four in two hours: a
/// steady line is no mass incident), each from its own caller. The day itself has the same 39, and with [#plantSpike] ten more: building-site noise at
/// night in C3-G1 (22:00–22:54), from eight callers, one of whom calls three times.
public final class DigestHistory {
    public static final LocalDate DAY = LocalDate.of(2026, 11, 30);
    public static final String REPEAT_PHONE = "13900000003";
    public static final String WEEK_PHONE = "13600000009";
    /// the spike's requests, once planted
    public final List<Long> spikeIds = new ArrayList<>();

    private final DSLContext dsl;
    private final PersonalDataVault vault;
    private int tickets;

    public DigestHistory(DSLContext dsl) {
        this.dsl = dsl;
        this.vault = PersonalDataVault.of(dsl);
    }

    /// The district, the catalogue and the 28 days before [#DAY] plus the day's ordinary requests.
    public DigestHistory write() {
        region("A1", "咸水沽镇", "AREA", null);
        region("C1", "丽水苑社区", "COMMUNITY", "A1");
        region("C2", "金汇社区", "COMMUNITY", "A1");
        region("C3", "福馨社区", "COMMUNITY", "A1");
        region("C1-G1", "丽水苑社区第1网格", "GRID", "C1");
        region("C1-G2", "丽水苑社区第2网格", "GRID", "C1");
        region("C2-G1", "金汇社区第1网格", "GRID", "C2");
        region("C3-G1", "福馨社区第1网格", "GRID", "C3");
        region("C3-G2", "福馨社区第2网格", "GRID", "C3");
        category("K1", "市容环境");
        category("K2", "矛盾纠纷");
        category("K3", "社情民意");
        item("I1", "垃圾清运", "K1");
        item("I2", "占道经营", "K1");
        item("I3", "噪音扰民", "K2");
        item("I4", "邻里纠纷", "K2");
        item("I5", "政策咨询", "K3");
        for (int d = 28; d >= 0; d--) {
            ordinaryDay(DAY.minusDays(d));
        }
        return this;
    }

    /// Ten requests about building-site noise at night in C3-G1: eight callers within an hour.
    public DigestHistory plantSpike() {
        Instant start = DAY.atTime(22, 0).toInstant(ZoneOffset.ofHours(8));
        String[] phones = {"13900000001", "13900000002", REPEAT_PHONE, "13900000004", REPEAT_PHONE, "13900000005", "13900000006",
            REPEAT_PHONE, "13900000007", "13900000008"};
        for (int i = 0; i < phones.length; i++) {
            spikeIds.add(ticket(start.plus(Duration.ofMinutes(6L * i)), "I3", "C3-G1", "工地夜间施工噪音扰民，无法休息", phones[i]));
        }
        return this;
    }

    /// One caller ([#WEEK_PHONE]) with a request on each of the three days before [#DAY], none on it.
    public DigestHistory plantCallerOfTheWeek() {
        for (int d = 3; d >= 1; d--) {
            ticket(DAY.minusDays(d).atTime(15, 0).toInstant(ZoneOffset.ofHours(8)), "I1", "C1-G1", "小区垃圾清运不及时", WEEK_PHONE);
        }
        return this;
    }

    private void ordinaryDay(LocalDate day) {
        Instant at = day.atTime(0, 10).toInstant(ZoneOffset.ofHours(8));
        List<String[]> plan = new ArrayList<>();
        plan.add(new String[] {"I3", "C3-G1", "楼下商铺音响噪音"});
        plan.add(new String[] {"I4", "C3-G2", "楼上漏水邻里纠纷"});
        for (int i = 0; i < 4; i++) {
            plan.add(new String[] {"I1", "C1-G1", "小区垃圾清运不及时"});
        }
        for (int i = 0; i < 3; i++) {
            plan.add(new String[] {"I2", "C2-G1", "路边摊贩占道经营"});
        }
        for (int i = 0; i < 30; i++) {
            plan.add(new String[] {"I5", "C1-G2", "咨询养老保险缴费政策"});
        }
        for (String[] p : plan) {
            ticket(at, p[0], p[1], p[2], "137" + String.format("%08d", tickets));
            at = at.plus(Duration.ofMinutes(36));
        }
    }

    private long ticket(Instant at, String item, String grid, String summary, String phone) {
        tickets++;
        var when = at.atOffset(ZoneOffset.UTC);
        return dsl.insertInto(TICKET)
                .set(TICKET.CODE, "T-" + tickets).set(TICKET.CHANNEL, "HOTLINE_8890").set(TICKET.SUMMARY, summary)
                .set(TICKET.GRID_CODE, grid).set(TICKET.STATE, "ACCEPTED").set(TICKET.OWNER_UNIT, "JN-XSG")
                .set(TICKET.WATCHING_UNITS, "").set(TICKET.ITEM_CODE, item).set(TICKET.CONSULTATION, false)
                .set(TICKET.REPORTED_AT, when).set(TICKET.ACCEPTED_AT, when).set(TICKET.ROUND_NO, 1).set(TICKET.URGE_COUNT, 0)
                .set(TICKET.RETURN_COUNT, 0).set(TICKET.REWORK_COUNT, 0).set(TICKET.REOPEN_COUNT, 0).set(TICKET.VERSION, 2L)
                .set(TICKET.UPDATED_AT, when)
                .set(TICKET.CALLER_PHONE, vault.seal(PersonalField.CALLER_PHONE, phone))
                .set(TICKET.CALLER_PHONE_INDEX, vault.phoneIndex(phone)).set(TICKET.CALLER_KEY_ID, vault.currentKeyId())
                .returning(TICKET.ID).fetchOne(TICKET.ID);
    }

    private void region(String code, String name, String level, String parent) {
        dsl.insertInto(REGION).set(REGION.CODE, code).set(REGION.NAME, name).set(REGION.REGION_LEVEL, level)
                .set(REGION.PARENT_CODE, parent).set(REGION.DENSITY_WEIGHT, 1.0).set(REGION.GEOMETRY_WKT, "POINT (117.4 38.95)").execute();
    }

    private void category(String code, String name) {
        dsl.insertInto(TAXONOMY_CATEGORY).set(TAXONOMY_CATEGORY.CODE, code).set(TAXONOMY_CATEGORY.NAME, name).execute();
    }

    private void item(String code, String name, String category) {
        dsl.insertInto(TAXONOMY_ITEM).set(TAXONOMY_ITEM.CODE, code).set(TAXONOMY_ITEM.NAME, name)
                .set(TAXONOMY_ITEM.CATEGORY_CODE, category).set(TAXONOMY_ITEM.SUBCATEGORY_CODE, category + "01")
                .set(TAXONOMY_ITEM.DEADLINE_CLASS, "GENERAL").set(TAXONOMY_ITEM.DEADLINE_DAYS, 7).set(TAXONOMY_ITEM.CONSULTATION, false)
                .set(TAXONOMY_ITEM.STREET_TEAM_TYPE, "CG").set(TAXONOMY_ITEM.DISTRICT_TEAM_TYPE, "CGW").execute();
    }
}

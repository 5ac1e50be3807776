package org.griddesk.testsupport;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.griddesk.domain.calendar.WorkCalendar;
import org.griddesk.domain.org.Actor;
import org.griddesk.domain.org.Organisation;
import org.griddesk.domain.org.Role;
import org.griddesk.domain.org.Unit;
import org.griddesk.domain.org.UnitKind;
import org.griddesk.domain.org.UnitLevel;
import org.griddesk.domain.ticket.Channel;
import org.griddesk.domain.ticket.Intake;
import org.griddesk.domain.ticket.LifecycleRules;
import org.griddesk.domain.ticket.TicketLifecycle;

/// A small organisation (city, district, two towns, their teams, two district departments) and
/// actors in it, for lifecycle tests of every tier.
public final class LifecycleFixture {
    public static final Unit CITY = new Unit("TJ", "天津市网格化管理中心", UnitLevel.CITY, UnitKind.CENTRE, null);
    public static final Unit DISTRICT = new Unit("JN", "津南区网格化管理中心", UnitLevel.DISTRICT, UnitKind.CENTRE, "TJ");
    public static final Unit XIANSHUIGU = new Unit("JN-XSG", "咸水沽镇网格化管理中心", UnitLevel.STREET, UnitKind.CENTRE, "JN");
    public static final Unit GEGU = new Unit("JN-GG", "葛沽镇网格化管理中心", UnitLevel.STREET, UnitKind.CENTRE, "JN");
    public static final Unit XSG_CITY_MGMT = new Unit("JN-XSG-CG", "咸水沽镇城管中队", UnitLevel.STREET, UnitKind.TEAM, "JN-XSG");
    public static final Unit XSG_SAFETY = new Unit("JN-XSG-AJ", "咸水沽镇安监办", UnitLevel.STREET, UnitKind.TEAM, "JN-XSG");
    public static final Unit GG_CITY_MGMT = new Unit("JN-GG-CG", "葛沽镇城管中队", UnitLevel.STREET, UnitKind.TEAM, "JN-GG");
    public static final Unit DISTRICT_CITY_MGMT = new Unit("JN-CGW", "津南区城市管理委员会", UnitLevel.DISTRICT, UnitKind.TEAM, "JN");
    public static final Unit DISTRICT_WATER = new Unit("JN-SWJ", "津南区水务局", UnitLevel.DISTRICT, UnitKind.TEAM, "JN");

    public static final Organisation ORGANISATION = Organisation.of(List.of(CITY, DISTRICT, XIANSHUIGU, GEGU, XSG_CITY_MGMT,
            XSG_SAFETY, GG_CITY_MGMT, DISTRICT_CITY_MGMT, DISTRICT_WATER));

    public static final Actor HOTLINE = new Actor("ch-8890", "8890热线", Role.CHANNEL, XIANSHUIGU);
    public static final Actor XSG_DISPATCHER = new Actor("u-xsg-01", "王调度", Role.DISPATCHER, XIANSHUIGU);
    public static final Actor XSG_SUPERVISOR = new Actor("u-xsg-09", "李值班长", Role.SUPERVISOR, XIANSHUIGU);
    public static final Actor GG_DISPATCHER = new Actor("u-gg-01", "赵调度", Role.DISPATCHER, GEGU);
    public static final Actor GG_SUPERVISOR = new Actor("u-gg-09", "钱值班长", Role.SUPERVISOR, GEGU);
    public static final Actor XSG_CG_HANDLER = new Actor("u-xsg-cg-1", "城管队员", Role.HANDLER, XSG_CITY_MGMT);
    public static final Actor XSG_AJ_HANDLER = new Actor("u-xsg-aj-1", "安监员", Role.HANDLER, XSG_SAFETY);
    public static final Actor CGW_HANDLER = new Actor("u-cgw-1", "城管委联络员", Role.HANDLER, DISTRICT_CITY_MGMT);
    public static final Actor SWJ_HANDLER = new Actor("u-swj-1", "水务局联络员", Role.HANDLER, DISTRICT_WATER);
    public static final Actor JN_DISPATCHER = new Actor("u-jn-01", "区调度", Role.DISPATCHER, DISTRICT);
    public static final Actor JN_SUPERVISOR = new Actor("u-jn-09", "区值班长", Role.SUPERVISOR, DISTRICT);
    public static final Actor CITY_SUPERVISOR = new Actor("u-tj-09", "市值班长", Role.SUPERVISOR, CITY);

    private LifecycleFixture() {
    }

    public static TicketLifecycle lifecycle() {
        return new TicketLifecycle(WorkCalendar.builtIn(), ORGANISATION, LifecycleRules.DEFAULT);
    }

    public static Instant shanghai(String localDateTime) {
        return OffsetDateTime.parse(localDateTime + "+08:00").toInstant();
    }

    public static Intake hotlineRequest(String externalId, Instant at) {
        return new Intake(Channel.HOTLINE_8890, externalId, "津沽路与丰泽道交口井盖缺失，夜间有行人跌倒风险", "XSG-012-03", at);
    }
}

package org.griddesk.desk.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.griddesk.desk.signin.ScriptedAccounts;
import org.griddesk.desk.session.SecurityTexts;
import org.griddesk.dispatch.DeskUser;
import org.griddesk.domain.org.Organisation;
import org.griddesk.domain.org.Permission;
import org.griddesk.domain.org.Role;
import org.griddesk.domain.org.Unit;
import org.griddesk.domain.org.UnitKind;
import org.griddesk.domain.org.UnitLevel;
import org.griddesk.security.Session;
import org.griddesk.security.Workstation;
import org.griddesk.ui.CurrentThreadTaskExecutor;
import org.griddesk.ui.Language;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/// Who is signed in at the desk: the seat the ticket desk gives them (their account in the trail,
/// their acting role, their unit), the face per role, the status bar's words, the permission
/// table asked for greying out, and sign-out ending the session in the store.
class SessionViewModelTest {
    private static final Unit DISTRICT = new Unit("JN", "津南区网格化管理中心", UnitLevel.DISTRICT, UnitKind.CENTRE, null);
    private static final Unit TOWN = new Unit("XSG", "咸水沽镇网格化管理中心", UnitLevel.STREET, UnitKind.CENTRE, "JN");
    private static final Unit TEAM = new Unit("XSG-CG", "咸水沽镇城管中队", UnitLevel.STREET, UnitKind.TEAM, "XSG");

    private ScriptedAccounts accounts;
    private SessionViewModel sessions;
    private Organisation organisation;

    @BeforeEach
    void openTheDesk() {
        accounts = new ScriptedAccounts()
                .person("zhangmin", "a", "张敏", "XSG", Role.DISPATCHER)
                .person("wangfang", "a", "王芳", "XSG-CG", Role.HANDLER);
        sessions = new SessionViewModel(new CurrentThreadTaskExecutor(), SecurityTexts.of(Language.ZH_CN));
        sessions.useAccounts(accounts);
        organisation = Organisation.of(List.of(DISTRICT, TOWN, TEAM));
    }

    private static Session session(String unit, Role... roles) {
        return new Session("A-" + roles[0].name(), roles[0].name().toLowerCase(), "某人", unit, Set.of(roles),
                Instant.parse("2026-12-03T03:00:00Z"), new Workstation("d", "1"));
    }

    @Test
    void nobodySignedInTheDeskShowsNothing() {
        assertThat(sessions.faceProperty().get()).isEqualTo(DeskFace.SIGNED_OUT);
        assertThat(sessions.seat(organisation)).isEmpty();
        assertThat(sessions.may(Permission.QUEUE_READ)).isFalse();
        assertThat(sessions.whoProperty().get()).isEqualTo("未登录");
    }

    @Test
    void aDispatcherIsSeatedInTheirCentreUnderTheirOwnAccount() {
        sessions.signedIn(accounts.session("zhangmin"));
        sessions.useOrganisation(organisation);
        DeskUser seated = sessions.seat(organisation).orElseThrow();
        assertThat(seated.role()).isEqualTo(Role.DISPATCHER);
        assertThat(seated.unit()).isEqualTo(TOWN);
        assertThat(seated.actor().id()).isEqualTo("A-zhangmin");
        assertThat(seated.actor().name()).isEqualTo("张敏");
        assertThat(sessions.faceProperty().get()).isEqualTo(DeskFace.CENTRE);
        assertThat(sessions.whoProperty().get()).isEqualTo("张敏 · 调度员 · 咸水沽镇网格化管理中心");
        assertThat(sessions.may(Permission.TICKET_DISPATCH)).isTrue();
        assertThat(sessions.may(Permission.TICKET_CLOSE_DISSATISFIED)).isFalse();
    }

    @Test
    void aHandlerSitsForTheirTeam() {
        sessions.signedIn(accounts.session("wangfang"));
        DeskUser seated = sessions.seat(organisation).orElseThrow();
        assertThat(seated.role()).isEqualTo(Role.HANDLER);
        assertThat(seated.centreId()).isEqualTo("XSG");
        assertThat(sessions.faceProperty().get()).isEqualTo(DeskFace.TEAM);
    }

    @Test
    void eachRoleHasItsFace() {
        assertThat(DeskFace.of(session("JN", Role.SUPERVISOR, Role.DISPATCHER))).isEqualTo(DeskFace.CENTRE);
        assertThat(DeskFace.of(session("JN", Role.DISTRICT_MANAGER))).isEqualTo(DeskFace.DISTRICT);
        assertThat(DeskFace.of(session("JN", Role.WALL_DISPLAY))).isEqualTo(DeskFace.WALL);
        assertThat(DeskFace.of(session("JN", Role.SYSTEM_ADMIN))).isEqualTo(DeskFace.SYSTEM_ADMIN);
        assertThat(DeskFace.of(session("JN", Role.SECURITY_ADMIN))).isEqualTo(DeskFace.SECURITY_ADMIN);
        assertThat(DeskFace.of(session("JN", Role.AUDIT_ADMIN))).isEqualTo(DeskFace.AUDIT_ADMIN);
        assertThat(DeskFace.of(session("JN", Role.GRID_WORKER))).isEqualTo(DeskFace.NO_DESK);
        assertThat(DeskFace.SYSTEM_ADMIN.showsTickets()).isFalse();
        assertThat(DeskFace.WALL.showsTickets()).isFalse();
        assertThat(DeskFace.DISTRICT.showsTickets()).isTrue();
    }

    @Test
    void administratorsAreNotSeatedAtTheTicketDesk() {
        sessions.signedIn(session("JN", Role.SYSTEM_ADMIN));
        assertThat(sessions.seat(organisation)).isEmpty();
        assertThat(sessions.faceProperty().get()).isEqualTo(DeskFace.SYSTEM_ADMIN);
        assertThat(sessions.may(Permission.ACCOUNT_MANAGE)).isTrue();
        assertThat(sessions.may(Permission.QUEUE_READ)).isFalse();
    }

    @Test
    void aDistrictManagerReadsEverythingAndActsOnNothing() {
        sessions.signedIn(session("JN", Role.DISTRICT_MANAGER));
        DeskUser seated = sessions.seat(organisation).orElseThrow();
        assertThat(seated.role()).isEqualTo(Role.DISTRICT_MANAGER);
        assertThat(sessions.may(Permission.DISTRICT_READ)).isTrue();
        assertThat(sessions.may(Permission.TICKET_ACCEPT)).isFalse();
    }

    @Test
    void aDispatcherOfATeamIsNotSeated() {
        sessions.signedIn(session("XSG-CG", Role.DISPATCHER));
        assertThat(sessions.seat(organisation)).isEmpty();
    }

    @Test
    void signingOutEmptiesTheDeskAndEndsTheSessionInTheStore() {
        sessions.signedIn(accounts.session("zhangmin"));
        sessions.signOut();
        assertThat(sessions.current()).isNull();
        assertThat(sessions.faceProperty().get()).isEqualTo(DeskFace.SIGNED_OUT);
        assertThat(accounts.calls).containsExactly("signOut zhangmin");
        assertThat(sessions.farewellProperty().get()).isEmpty();
    }

    @Test
    void anotherPersonSigningInEndsThePreviousSession() {
        sessions.signedIn(accounts.session("zhangmin"));
        sessions.signedIn(accounts.session("wangfang"));
        assertThat(accounts.calls).containsExactly("signOut zhangmin");
        assertThat(sessions.current().username()).isEqualTo("wangfang");
    }

    @Test
    void theSamePersonSigningInAnewEndsTheSessionItReplacesOnce() {
        Session first = accounts.session("zhangmin");
        Session again = new Session(first.accountId(), first.username(), first.displayName(), first.unitId(), first.roles(),
                first.signedInAt().plusSeconds(60), first.from());
        sessions.signedIn(first);
        sessions.signedIn(again); // after a password change from the desk
        sessions.signedIn(again); // the same answer twice changes nothing more
        assertThat(accounts.calls).containsExactly("signOut zhangmin");
        assertThat(sessions.current()).isSameAs(again);
    }

    @Test
    void theStatusBarSpeaksEnglishToo() {
        sessions.useTexts(SecurityTexts.of(Language.EN));
        sessions.signedIn(accounts.session("wangfang"));
        sessions.useOrganisation(organisation);
        assertThat(sessions.whoProperty().get()).isEqualTo("王芳 · Handler · 咸水沽镇城管中队");
    }
}

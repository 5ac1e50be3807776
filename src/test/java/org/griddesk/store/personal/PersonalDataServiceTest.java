package org.griddesk.store.personal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.griddesk.testsupport.LifecycleFixture.HOTLINE;
import static org.griddesk.testsupport.LifecycleFixture.XSG_DISPATCHER;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.griddesk.domain.district.VisitHousehold;
import org.griddesk.domain.org.Permission;
import org.griddesk.domain.org.Role;
import org.griddesk.domain.ticket.Caller;
import org.griddesk.domain.ticket.Channel;
import org.griddesk.domain.ticket.DeadlinePolicy;
import org.griddesk.domain.ticket.Intake;
import org.griddesk.domain.ticket.Ticket;
import org.griddesk.domain.ticket.TicketCommand;
import org.griddesk.geo.Region;
import org.griddesk.geo.RegionLevel;
import org.griddesk.security.AuditAction;
import org.griddesk.security.AuditEntry;
import org.griddesk.security.AuditOutcome;
import org.griddesk.security.RevealRefused;
import org.griddesk.security.Session;
import org.griddesk.security.Workstation;
import org.griddesk.store.DatabaseKind;
import org.griddesk.store.PersonalDataService;
import org.griddesk.store.district.DistrictRepository;
import org.griddesk.store.security.SessionAccounts;
import org.griddesk.store.ticket.PersonalDataLog;
import org.griddesk.store.ticket.TicketService;
import org.griddesk.testsupport.CommandCentre;
import org.griddesk.testsupport.DocumentedPermissions;
import org.griddesk.testsupport.HandClock;
import org.griddesk.testsupport.LifecycleFixture;
import org.griddesk.testsupport.TestDatabases;
import org.jooq.DSLContext;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/// Reveals through the service, on both stores: each role may reveal exactly as docs/security.md's
/// table says ([DocumentedPermissions], read from the page), within its scope, with a reason of 1 to
/// 200 characters; every reveal and every refusal is audited, and only reveals are recorded in
/// `personal_data_access`.
class PersonalDataServiceTest {
    private static final String CENTRE = "JN-XSG";
    private static final String TEAM = "JN-XSG-CG";
    private static final Caller CALLER = new Caller("欧阳振华", "13987654321");

    @TempDir
    Path temp;

    private final HandClock clock = new HandClock(Instant.parse("2026-11-23T01:00:00Z"), Duration.ofSeconds(5));
    private final List<AuditEntry> audit = new ArrayList<>();
    /// the store the sessions' accounts are kept in (a session stands only while its account does)
    private DSLContext accounts;

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void revealsFollowTheTableTheScopeAndTheReasonAndAreAuditedBothWays(DatabaseKind kind) {
        try (CommandCentre centre = CommandCentre.on(TestDatabases.freshSettings(kind, temp))) {
            var dsl = centre.admin().dsl();
            accounts = dsl;
            PersonalDataService service = new PersonalDataService(dsl, audit::add, clock);
            PersonalDataLog log = new PersonalDataLog(dsl, clock);
            Ticket ticket = dispatchedTicket(new TicketService(dsl, LifecycleFixture.lifecycle(), clock));

            // every role, standing where its scope reaches the ticket
            for (Role role : Role.PERSONAL) {
                audit.clear();
                boolean documented = DocumentedPermissions.allows(role, Permission.PERSONAL_DATA_REVEAL);
                Session session = session(role, role == Role.HANDLER ? TEAM : CENTRE);
                if (documented) {
                    assertThat(service.revealCaller(session, ticket.id(), "回访核实 " + role)).as(role.name()).isEqualTo(CALLER);
                    assertThat(audit).singleElement().satisfies(e -> {
                        assertThat(e.action()).isEqualTo(AuditAction.PERSONAL_DATA_REVEALED);
                        assertThat(e.outcome()).isEqualTo(AuditOutcome.SUCCESS);
                        assertThat(e.detail()).isEqualTo("回访核实 " + role);
                        assertThat(e.target()).isEqualTo(ticket.code());
                        assertThat(e.actorId()).isEqualTo(session.accountId());
                    });
                } else {
                    assertRefused(() -> service.revealCaller(session, ticket.id(), "想看看"), "reveal.refused.permission");
                }
            }
            int recorded = log.reveals(ticket.id());
            assertThat(recorded).isEqualTo((int) Role.PERSONAL.stream()
                    .filter(r -> DocumentedPermissions.allows(r, Permission.PERSONAL_DATA_REVEAL)).count());
            assertThat(log.reasons(ticket.id())).allMatch(r -> r.startsWith("回访核实 "));

            // scope: another centre's dispatcher, another team's handler
            assertRefused(() -> service.revealCaller(session(Role.DISPATCHER, "JN-GG"), ticket.id(), "回访"), "reveal.refused.scope");
            assertRefused(() -> service.revealCaller(session(Role.HANDLER, "JN-GG-CG"), ticket.id(), "回访"), "reveal.refused.scope");
            assertThat(service.revealCaller(session(Role.DISTRICT_MANAGER, "JN"), ticket.id(), "区级抽查")).isEqualTo(CALLER);

            // an account disabled, or given other roles, since its session began reveals no more
            Session before = session(Role.DISPATCHER, CENTRE);
            assertThat(service.revealCaller(before, ticket.id(), "回访")).isEqualTo(CALLER);
            dsl.execute("UPDATE account SET enabled = FALSE WHERE id = ?", before.accountId());
            assertRefused(() -> service.revealCaller(before, ticket.id(), "回访"), "reveal.refused.sessionEnded");
            dsl.execute("UPDATE account SET enabled = TRUE WHERE id = ?", before.accountId());
            dsl.execute("UPDATE account_role SET role = 'HANDLER' WHERE account_id = ?", before.accountId());
            assertRefused(() -> service.revealCaller(before, ticket.id(), "回访"), "reveal.refused.sessionEnded");
            dsl.execute("UPDATE account_role SET role = 'DISPATCHER' WHERE account_id = ?", before.accountId());

            // the reason: required, at most 200 characters (200 is fine)
            assertRefused(() -> service.revealCaller(session(Role.DISPATCHER, CENTRE), ticket.id(), "   "), "reveal.refused.reasonRequired");
            assertRefused(() -> service.revealCaller(session(Role.DISPATCHER, CENTRE), ticket.id(), null), "reveal.refused.reasonRequired");
            assertRefused(() -> service.revealCaller(session(Role.DISPATCHER, CENTRE), ticket.id(), "因".repeat(201)),
                    "reveal.refused.reasonTooLong");
            assertThat(service.revealCaller(session(Role.DISPATCHER, CENTRE), ticket.id(), "因".repeat(200))).isEqualTo(CALLER);
            // (the district manager's, the 200-character reason's and the one before the account was disabled)
            assertThat(log.reveals(ticket.id())).isEqualTo(recorded + 3);

            // households: the centre of the grid and the centres above it
            DistrictRepository district = new DistrictRepository(dsl);
            VisitHousehold household = aHousehold(district);
            String town = district.region(district.region(household.gridCode()).orElseThrow().parentCode()).orElseThrow().parentCode();
            String otherTown = district.regions(RegionLevel.AREA).stream().map(Region::code).filter(c -> !c.equals(town))
                    .filter(c -> district.organisation().unit(c).isPresent()).findFirst().orElseThrow();
            assertThat(service.revealHousehold(session(Role.DISPATCHER, town), household.id(), "走访核实")).isEqualTo(household);
            assertThat(service.revealHousehold(session(Role.SUPERVISOR, "JN"), household.id(), "走访核实")).isEqualTo(household);
            assertRefused(() -> service.revealHousehold(session(Role.DISPATCHER, otherTown), household.id(), "走访"), "reveal.refused.scope");
            assertRefused(() -> service.revealHousehold(session(Role.WALL_DISPLAY, town), household.id(), "走访"), "reveal.refused.permission");
            assertThat(log.householdReveals(household.id())).isEqualTo(2);
        }
    }

    private void assertRefused(Runnable reveal, String key) {
        audit.clear();
        assertThatThrownBy(reveal::run).isInstanceOfSatisfying(RevealRefused.class, e -> assertThat(e.messageKey()).isEqualTo(key));
        assertThat(audit).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo(AuditAction.PERSONAL_DATA_REVEALED);
            assertThat(e.outcome()).isEqualTo(AuditOutcome.REFUSED);
            assertThat(e.detail()).startsWith(key);
        });
    }

    private Ticket dispatchedTicket(TicketService tickets) {
        Ticket t = tickets.report(new Intake(Channel.HOTLINE_8890, "8890-R1", "噪音扰民", "XSG-012-03", clock.now(), CALLER),
                CENTRE, HOTLINE).after();
        t = tickets.execute(t, new TicketCommand.Accept("05-03-012", DeadlinePolicy.general(), false), XSG_DISPATCHER).after();
        return tickets.execute(t, new TicketCommand.Dispatch(TEAM), XSG_DISPATCHER).after();
    }

    private static VisitHousehold aHousehold(DistrictRepository district) {
        for (Region grid : district.regions(RegionLevel.GRID)) {
            var households = district.visitHouseholds(grid.code());
            if (!households.isEmpty()) {
                return households.getFirst();
            }
        }
        throw new AssertionError("no must-visit households in the demo district");
    }

    private Session session(Role role, String unit) {
        return SessionAccounts.registered(accounts, new Session("a-" + role + "-" + unit, "u-" + role + "-" + unit, "测试 " + role,
                unit, Set.of(role), clock.now(), new Workstation("desk-1", "10.0.0.1")));
    }
}

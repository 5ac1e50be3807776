package org.griddesk.app;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.griddesk.domain.district.GridWorker;
import org.griddesk.domain.org.Role;
import org.griddesk.domain.ticket.Channel;
import org.griddesk.domain.ticket.TicketState;
import org.griddesk.security.AccountAdministration.AccountSummary;
import org.griddesk.security.AccountAdministration.NewAccount;
import org.griddesk.security.AuditSink;
import org.griddesk.security.Session;
import org.griddesk.security.SignInResult;
import org.griddesk.security.Workstation;
import org.griddesk.store.Database;
import org.griddesk.store.SystemPropertyRepository;
import org.griddesk.store.district.DistrictRepository;
import org.griddesk.store.district.GridSummary;
import org.griddesk.store.security.AccountService;
import org.griddesk.store.security.WorkerTokenService;
import org.griddesk.store.ticket.TicketRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// The simulator's grid workers on a demo store, for `griddesk simulate --workers N`: accounts
/// `sim-worker-01` … (made once by the demo's system administrator, the role given by its security
/// administrator, audited like any), each linked to the worker's post of a grid with work waiting
/// (handled tickets to check, reports to verify, households to visit) and issued a day's token.
/// A store without the demo administrators gives none: then give tokens with `--worker-tokens`.
final class SimulatedCrew {
    static final String PREFIX = "sim-worker-";
    /// the system property the demo district's loader writes (`demo.DemoDistrictLoader`)
    private static final String DEMO_SEED = "demo_seed";
    private static final Logger log = LoggerFactory.getLogger(SimulatedCrew.class);

    private SimulatedCrew() {
    }

    /// Tokens for `workers` simulated workers (fewer when the district has fewer grids with a worker).
    static List<String> tokens(Database db, int workers, long seed) {
        if (workers <= 0) {
            return List.of();
        }
        Clock clock = Clock.systemUTC();
        if (new SystemPropertyRepository(db.dsl(), clock).find(DEMO_SEED).isEmpty()) {
            // not the demo's store: no signing in with the demo password (a refused sign-in is audited and counts towards a lock)
            log.info("not a demo store: no simulated workers (give --worker-tokens)");
            return List.of();
        }
        AuditSink audit = AuditSinks.of(db);
        AccountService accounts = new AccountService(db.dsl(), clock, audit);
        Workstation here = new Workstation("simulator", "127.0.0.1");
        Optional<Session> system = signIn(accounts, "sysadmin", here);
        if (system.isEmpty()) {
            log.info("no demo administrator in this store: no simulated workers (give --worker-tokens)");
            return List.of();
        }
        Session security = null;
        try {
            DistrictRepository district = new DistrictRepository(db.dsl());
            WorkerTokenService tokens = new WorkerTokenService(db.dsl(), clock, audit);
            Map<String, AccountSummary> existing = accounts.list(system.get()).stream()
                    .collect(Collectors.toMap(AccountSummary::username, a -> a));
            List<String> issued = new ArrayList<>();
            List<GridWorker> posts = posts(district, new TicketRepository(db.dsl()), workers, seed);
            for (int i = 0; i < posts.size(); i++) {
                GridWorker post = posts.get(i);
                String username = PREFIX + String.format("%02d", i + 1);
                AccountSummary account = existing.get(username);
                if (account == null || !account.roles().contains(Role.GRID_WORKER)) {
                    if (security == null) {
                        security = signIn(accounts, "secadmin", here).orElse(null);
                        if (security == null) {
                            log.info("no demo security administrator in this store: no new simulated workers");
                            break;
                        }
                    }
                    if (account == null) {
                        accounts.add(system.get(), new NewAccount(username, "模拟网格员" + String.format("%02d", i + 1),
                                townOf(district, post), accounts.newInitialPassword().toCharArray()));
                    }
                    accounts.setRoles(security, username, Set.of(Role.GRID_WORKER));
                }
                tokens.linkPost(system.get(), username, post.id());
                issued.add(tokens.issue(system.get(), username, "simulator", 1).token());
            }
            return issued;
        } finally {
            accounts.signOut(system.get());
            if (security != null) {
                accounts.signOut(security);
            }
        }
    }

    /// The posts of the grids with the most work waiting: a handled ticket to check counts three, a
    /// report from another channel to verify two, households to visit one; ties in a seeded order.
    static List<GridWorker> posts(DistrictRepository district, TicketRepository tickets, int workers, long seed) {
        Map<String, Integer> work = new HashMap<>();
        for (TicketRepository.OpenTicket t : tickets.openTickets()) {
            if (t.gridCode() != null && t.state() == TicketState.HANDLED) {
                work.merge(t.gridCode(), 3, Integer::sum);
            } else if (t.gridCode() != null && t.state() == TicketState.REPORTED && !Channel.GRID_APP.name().equals(t.channel())) {
                work.merge(t.gridCode(), 2, Integer::sum);
            }
        }
        List<GridSummary> grids = new ArrayList<>(district.gridSummaries(YearMonth.now(ZoneId.of("Asia/Shanghai"))).values().stream()
                .filter(g -> !g.workerName().isEmpty() && (g.visits().due() > 0 || work.containsKey(g.gridCode())))
                .sorted(Comparator.comparing(GridSummary::gridCode)).toList());
        Collections.shuffle(grids, new Random(seed));
        grids.sort(Comparator.comparingInt((GridSummary g) -> work.getOrDefault(g.gridCode(), 0) + (g.visits().due() > 0 ? 1 : 0))
                .reversed());
        List<GridWorker> posts = new ArrayList<>();
        for (GridSummary g : grids) {
            if (posts.size() == workers) {
                break;
            }
            district.gridWorker(g.gridCode()).ifPresent(posts::add);
        }
        return posts;
    }

    /// The town (street) centre of the worker's grid, as the demo's own grid worker belongs to its town.
    private static String townOf(DistrictRepository district, GridWorker post) {
        return district.region(post.communityCode()).map(c -> c.parentCode())
                .filter(town -> district.organisation().unit(town).isPresent())
                .orElseGet(() -> district.organisation().units().stream().filter(u -> u.parentId() == null).findFirst().orElseThrow().id());
    }

    private static Optional<Session> signIn(AccountService accounts, String username, Workstation here) {
        SignInResult signed = accounts.signIn(username, AccountService.DEMO_PASSWORD.toCharArray(), null, here);
        return signed instanceof SignInResult.SignedIn in ? Optional.of(in.session()) : Optional.empty();
    }
}

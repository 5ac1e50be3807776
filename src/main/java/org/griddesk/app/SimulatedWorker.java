package org.griddesk.app;

import java.time.Clock;
import java.util.Optional;
import org.griddesk.security.SignInResult;
import org.griddesk.security.Workstation;
import org.griddesk.store.Database;
import org.griddesk.store.security.AccountService;
import org.griddesk.store.security.WorkerTokenService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// The simulator's grid worker on a demo store: a day's token for the demo account `grid-worker`,
/// issued by the demo system administrator (audited like any token). A store without the demo
/// accounts gives none: the simulator then posts no patrols unless given `--worker-token`.
public final class SimulatedWorker {
    private static final Logger log = LoggerFactory.getLogger(SimulatedWorker.class);

    private SimulatedWorker() {
    }

    public static Optional<String> token(Database db) {
        Clock clock = Clock.systemUTC();
        var audit = AuditSinks.of(db);
        SignInResult signed = new AccountService(db.dsl(), clock, audit).signIn("sysadmin",
                AccountService.DEMO_PASSWORD.toCharArray(), null, new Workstation("simulator", "127.0.0.1"));
        if (!(signed instanceof SignInResult.SignedIn in)) {
            log.info("no demo administrator in this store: the simulator posts no patrols (give --worker-token)");
            return Optional.empty();
        }
        try {
            return Optional.of(new WorkerTokenService(db.dsl(), clock, audit).issue(in.session(), "grid-worker", "simulator", 1).token());
        } catch (RuntimeException e) {
            log.info("no demo grid worker in this store: the simulator posts no patrols ({})", e.getMessage());
            return Optional.empty();
        }
    }
}

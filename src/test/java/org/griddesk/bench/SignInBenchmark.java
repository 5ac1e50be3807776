package org.griddesk.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.griddesk.domain.org.Role;
import org.griddesk.security.AccountAdministration.NewAccount;
import org.griddesk.security.PasswordHasher;
import org.griddesk.security.Session;
import org.griddesk.security.SignInResult;
import org.griddesk.security.Workstation;
import org.griddesk.store.Database;
import org.griddesk.store.DatabaseSettings;
import org.griddesk.store.ThreadGuard;
import org.griddesk.store.security.AccountService;
import org.griddesk.store.security.AccountService.FirstAdministrator;

/// Sign-in time on an embedded H2 store with the production Argon2id parameters: a whole
/// `AccountService.signIn` (right password; wrong password; unknown name) against a bare
/// `PasswordHasher.verify` of the same hash, interleaved in one run so that the machine's noise
/// falls on all alike. The target is a sign-in within 300 ms; wrong and unknown should take alike.
final class SignInBenchmark {
    private static final String PASSWORD = "Wang#2026a";
    private static final Workstation DESK = new Workstation("bench", "127.0.0.1");

    private final int rounds;

    SignInBenchmark(int rounds) {
        this.rounds = rounds;
    }

    void run() throws Exception {
        Path dir = Files.createTempDirectory("griddesk-signin-bench");
        try (Database db = Database.open(DatabaseSettings.embeddedH2(dir), ThreadGuard.NONE)) {
            db.migrate();
            AccountService accounts = new AccountService(db.dsl(), Clock.systemUTC(), entry -> { });
            char[] admin = "Admin#2026x".toCharArray();
            accounts.initialise(List.of(new FirstAdministrator("sysadmin", "系统管理员", "JN", Role.SYSTEM_ADMIN, admin),
                    new FirstAdministrator("secadmin", "安全管理员", "JN", Role.SECURITY_ADMIN, admin),
                    new FirstAdministrator("auditadmin", "审计管理员", "JN", Role.AUDIT_ADMIN, admin)), DESK);
            Session system = signedIn(accounts.signIn("sysadmin", admin, null, DESK));
            Session security = signedIn(accounts.signIn("secadmin", admin, null, DESK));
            accounts.add(system, new NewAccount("wang", "王调度", "JN", "Init!al2026".toCharArray()));
            accounts.setRoles(security, "wang", Set.of(Role.DISPATCHER));
            accounts.changePassword("wang", "Init!al2026".toCharArray(), PASSWORD.toCharArray(), null, DESK);
            PasswordHasher hasher = new PasswordHasher();
            String hash = hasher.hash(PASSWORD.toCharArray());

            long[] verify = new long[rounds];
            long[] right = new long[rounds];
            long[] wrong = new long[rounds];
            long[] unknown = new long[rounds];
            int warmUp = Math.max(5, rounds / 10);
            for (int i = -warmUp; i < rounds; i++) {
                long v = micros(() -> hasher.verify(PASSWORD.toCharArray(), hash));
                long r = micros(() -> signedIn(accounts.signIn("wang", PASSWORD.toCharArray(), null, DESK)));
                long w = micros(() -> accounts.signIn("wang", "Wang#2026b".toCharArray(), null, DESK));
                long u = micros(() -> accounts.signIn("nobody", PASSWORD.toCharArray(), null, DESK));
                if (i >= 0) {
                    verify[i] = v;
                    right[i] = r;
                    wrong[i] = w;
                    unknown[i] = u;
                }
            }
            Map<String, Object> fields = BenchResults.fields();
            fields.put("rounds", (long) rounds);
            fields.put("argon2id", hasher.cost().memoryKiB() + " KiB, t=" + hasher.cost().iterations() + ", p="
                    + hasher.cost().parallelism());
            put(fields, "verify", verify);
            put(fields, "signInRight", right);
            put(fields, "signInWrong", wrong);
            put(fields, "signInUnknown", unknown);
            double ratio = BenchResults.median(right) / BenchResults.median(verify);
            double parity = BenchResults.median(unknown) / BenchResults.median(wrong);
            fields.put("ratioSignInToVerify", ratio);
            fields.put("ratioUnknownToWrong", parity);
            BenchResults.write("sign-in", fields);
            BenchResults.summary(String.format(Locale.ROOT,
                    "sign-in (H2, Argon2id %s): signIn median %.1f ms p99 %.1f ms; bare verify median %.1f ms p99 %.1f ms; "
                            + "ratio %.2f; wrong %.1f ms vs unknown %.1f ms (ratio %.2f)",
                    fields.get("argon2id"), ms(BenchResults.median(right)), ms(BenchResults.percentile(right, 99)),
                    ms(BenchResults.median(verify)), ms(BenchResults.percentile(verify, 99)), ratio, ms(BenchResults.median(wrong)),
                    ms(BenchResults.median(unknown)), parity));
        }
    }

    private static void put(Map<String, Object> fields, String name, long[] micros) {
        fields.put(name + "MedianMs", ms(BenchResults.median(micros)));
        fields.put(name + "P99Ms", ms(BenchResults.percentile(micros, 99)));
        fields.put(name + "Micros", micros);
    }

    private static double ms(double micros) {
        return micros / 1000.0;
    }

    private static long micros(Supplier<?> work) {
        long start = System.nanoTime();
        work.get();
        return (System.nanoTime() - start) / 1000;
    }

    private static Session signedIn(SignInResult result) {
        if (result instanceof SignInResult.SignedIn in) {
            return in.session();
        }
        throw new IllegalStateException("not signed in: " + result);
    }
}

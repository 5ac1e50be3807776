package org.griddesk.bench;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import org.griddesk.demo.DemoDistrictGenerator;
import org.griddesk.demo.DemoDistrictLoader;
import org.griddesk.demo.DemoHistoryGenerator;
import org.griddesk.domain.assessment.Period;
import org.griddesk.store.Database;
import org.griddesk.store.DatabaseSettings;
import org.griddesk.store.ThreadGuard;
import org.griddesk.store.assessment.AssessmentReaders;
import org.griddesk.store.district.DistrictRepository;
import org.griddesk.supervise.bulletin.Bulletin;
import org.griddesk.supervise.bulletin.BulletinMaker;
import org.griddesk.supervise.bulletin.BulletinPdf;
import org.griddesk.supervise.bulletin.BulletinSources;
import org.griddesk.supervise.bulletin.BulletinXlsx;
import org.griddesk.testsupport.TestDataKeys;

/// 《考评专报》 over the two-year demo history (`-Dbench=bulletin`; goal: under 5 s for each of the PDF and
/// the XLSX, computing included): the whole bulletin of last month made from the store and written,
/// [#runs] times after one warm-up, with the computing and the writing also timed apart.
///
/// The store is kept between runs (`-Dbench.bulletin.store=DIR`, default `target/bench/bulletin-store`):
/// a data folder already holding the demo district (e.g. from `griddesk demo generate --data-dir DIR`) is
/// used as it is; an empty one gets the demo district with [DemoHistoryGenerator#DEFAULT_DAYS] of history.
final class BulletinBenchmark {
    private final int runs;

    BulletinBenchmark(int runs) {
        this.runs = runs;
    }

    void run() throws Exception {
        Path folder = Path.of(System.getProperty("bench.bulletin.store", BenchResults.dir().resolve("bulletin-store").toString()));
        Files.createDirectories(folder);
        Map<String, Object> fields = BenchResults.fields();
        try (Database db = Database.open(DatabaseSettings.embeddedH2(folder), ThreadGuard.NONE)) {
            db.migrate();
            if (!new DistrictRepository(db.dsl()).hasDistrict()) {
                TestDataKeys.attach(db);
                DemoDistrictLoader.loadIfEmpty(db, DemoDistrictGenerator.DEFAULT_SEED, DemoHistoryGenerator.DEFAULT_DAYS, Instant.now(),
                        step -> { });
            }
            long tickets = db.dsl().fetchCount(db.dsl().selectFrom("ticket"));
            Clock clock = Clock.systemUTC();
            Period month = Period.month(YearMonth.now(clock.withZone(ZoneOffset.ofHours(8))).minusMonths(1));
            long[] pdf = new long[runs];
            long[] xlsx = new long[runs];
            long[] make = new long[runs];
            for (int i = -1; i < runs; i++) {
                long a = System.nanoTime();
                // everything a user waits for: the readers built, the bulletin computed, the file written
                BulletinSources sources = BulletinSources.of(AssessmentReaders.of(db.dsl(), clock));
                Bulletin bulletin = new BulletinMaker(sources).make(month);
                long b = System.nanoTime();
                write(bulletin, true);
                long c = System.nanoTime();
                Bulletin again = new BulletinMaker(BulletinSources.of(AssessmentReaders.of(db.dsl(), clock))).make(month);
                long d = System.nanoTime();
                write(again, false);
                long e = System.nanoTime();
                if (i >= 0) {
                    make[i] = (b - a) / 1_000_000;
                    pdf[i] = (c - a) / 1_000_000;
                    xlsx[i] = (e - c) / 1_000_000;
                }
            }
            fields.put("tickets", tickets);
            fields.put("month", month.label());
            fields.put("compute_ms", make);
            fields.put("pdf_ms", pdf);
            fields.put("xlsx_ms", xlsx);
            BenchResults.write("bulletin", fields);
            BenchResults.summary(String.format(Locale.ROOT,
                    "bulletin: %d tickets, month %s, %d runs: PDF median %.0f ms (max %d), XLSX median %.0f ms (max %d), "
                            + "of which computing median %.0f ms; goal < 5000 ms each",
                    tickets, month.label(), runs, BenchResults.median(pdf), max(pdf), BenchResults.median(xlsx), max(xlsx),
                    BenchResults.median(make)));
        }
    }

    private static void write(Bulletin bulletin, boolean pdf) throws Exception {
        Path file = Files.createTempFile("bulletin", pdf ? ".pdf" : ".xlsx");
        try (OutputStream out = Files.newOutputStream(file)) {
            if (pdf) {
                BulletinPdf.write(bulletin, out);
            } else {
                BulletinXlsx.write(bulletin, out);
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static long max(long[] values) {
        return java.util.Arrays.stream(values).max().orElse(0);
    }
}

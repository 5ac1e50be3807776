package org.griddesk.bench;

import static org.griddesk.store.jooq.Tables.TICKET;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import org.griddesk.demo.DemoDistrictGenerator;
import org.griddesk.demo.DemoDistrictLoader;
import org.griddesk.domain.org.Unit;
import org.griddesk.domain.ticket.Channel;
import org.griddesk.domain.ticket.HistoryQuery;
import org.griddesk.domain.ticket.Ticket;
import org.griddesk.domain.ticket.TicketState;
import org.griddesk.search.HistoryIndex;
import org.griddesk.search.HistorySearch;
import org.griddesk.search.SearchScope;
import org.griddesk.store.DataKeySetup;
import org.griddesk.store.Database;
import org.griddesk.store.DatabaseKind;
import org.griddesk.store.DatabaseSettings;
import org.griddesk.store.ThreadGuard;
import org.griddesk.store.district.DistrictRepository;
import org.griddesk.store.search.HistoryRows;
import org.griddesk.store.search.LikeSearch;
import org.griddesk.store.ticket.TicketRepository;
import org.griddesk.testsupport.TestDatabases;
import org.jooq.Field;
import org.jooq.impl.DSL;

/// History search (`-Dbench=history-search`): a mixed set of realistic queries (a caller's phone,
/// an exact name, words of the content, words of the address, a ticket code, and those combined
/// with state, channel, unit, category and a time range) over the two-year demo history (about
/// 76,000 tickets) and over ten times as many (the history copied nine times into the past, about
/// 760,000), answered by the desk's index and, in the same run, by SQL `LIKE` ([LikeSearch]) on
/// the same H2 store: mean, median and p99 per query, and the index's build time.
///
/// `-Dbench.search.store=DIR` uses a copy of a desk's data folder holding the demo history (its
/// `db/` and `keys/`) instead of generating it (minutes); `-Dbench.search.scale=10` the multiple;
/// `-Dbench.search.rounds=5` how often the index answers the mix (LIKE: once on the large store).
final class HistorySearchBenchmark {
    private final Path givenStore;
    private final int scale;
    private final int rounds;

    HistorySearchBenchmark(Path givenStore, int scale, int rounds) {
        this.givenStore = givenStore;
        this.scale = scale;
        this.rounds = rounds;
    }

    void run() throws Exception {
        Path work = Files.createTempDirectory("history-bench");
        Database db = open(work);
        try {
            TicketRepository tickets = new TicketRepository(db.dsl());
            List<HistoryQuery> mix = mix(db, tickets);
            System.out.printf("history search bench: %d queries in the mix%n", mix.size());
            measure(db, work.resolve("index-1x"), mix, "76k", rounds, rounds);
            if (scale > 1) {
                long start = System.nanoTime();
                multiply(db, scale);
                System.out.printf("history search bench: store multiplied to %d tickets in %.0f s%n", tickets.count(),
                        (System.nanoTime() - start) / 1e9);
                measure(db, work.resolve("index-" + scale + "x"), mix, scale * 76 + "k", rounds, 1);
            }
        } finally {
            db.close();
        }
    }

    private Database open(Path work) throws Exception {
        if (givenStore != null) {
            Path copy = work.resolve("store");
            try (var files = Files.walk(givenStore)) {
                for (Path p : files.toList()) {
                    Path to = copy.resolve(givenStore.relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(to);
                    } else if (Files.isRegularFile(p) && !p.toString().contains("index") && !p.toString().endsWith(".control")) {
                        Files.copy(p, to);
                    }
                }
            }
            Database db = Database.open(DatabaseSettings.embeddedH2(copy), ThreadGuard.NONE);
            db.migrate();
            DataKeySetup.attach(db, copy);
            return db;
        }
        Database db = TestDatabases.freshMigrated(DatabaseKind.H2, work.resolve("store"));
        long start = System.nanoTime();
        DemoDistrictLoader.loadIfEmpty(db, DemoDistrictGenerator.DEFAULT_SEED, 730, Instant.now(), step -> { });
        System.out.printf("history search bench: two-year history written in %.0f s%n", (System.nanoTime() - start) / 1e9);
        return db;
    }

    /// Realistic questions: the callers, names, codes and addresses of tickets picked at random,
    /// common words of requests, alone and with filters.
    private static List<HistoryQuery> mix(Database db, TicketRepository tickets) {
        Random random = new Random(24);
        List<Long> withCaller = db.dsl().select(TICKET.ID).from(TICKET).where(TICKET.CALLER_PHONE.isNotNull())
                .orderBy(TICKET.ID).fetch(TICKET.ID);
        List<Unit> centres = new DistrictRepository(db.dsl()).organisation().units().stream().filter(Unit::isCentre).toList();
        List<String> categories = new HistoryRows(db.dsl()).categories().stream().map(HistoryRows.Category::code).toList();
        String[] words = {"路灯", "噪音扰民", "井盖", "占道经营", "垃圾", "违章停车", "漏水", "消防通道", "油烟", "施工", "积水", "树木"};
        Instant now = Instant.now();
        List<HistoryQuery> mix = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Ticket t = tickets.get(withCaller.get(random.nextInt(withCaller.size())));
            String phone = t.intake().caller().phone();
            // the demo history's requests name their community in the text, not in an address
            String address = t.intake().place() != null && t.intake().place().address() != null ? t.intake().place().address()
                    : t.intake().summary().replaceAll(".*（", "").replaceAll("第.*", "");
            String addressWords = address.length() > 6 ? address.substring(address.length() - 6) : address;
            String word = words[random.nextInt(words.length)];
            Unit centre = centres.get(random.nextInt(centres.size()));
            mix.add(HistoryQuery.EMPTY.withPhone(phone));
            mix.add(HistoryQuery.text(phone.substring(0, 3) + " " + phone.substring(3, 7) + " " + phone.substring(7)));
            mix.add(HistoryQuery.EMPTY.withName(t.intake().caller().name()));
            mix.add(HistoryQuery.text(word));
            mix.add(HistoryQuery.EMPTY.withAddress(addressWords));
            mix.add(HistoryQuery.text(t.code()));
            mix.add(HistoryQuery.text(word).withState(TicketState.CLOSED).withChannel(Channel.HOTLINE_8890)
                    .between(now.minus(Duration.ofDays(365)), now));
            mix.add(HistoryQuery.EMPTY.withPhone(phone).withState(TicketState.CLOSED).ordered(HistoryQuery.Order.NEWEST));
            mix.add(HistoryQuery.text(word).withUnit(centre.id()).ordered(HistoryQuery.Order.NEWEST));
            mix.add(HistoryQuery.EMPTY.withCategory(categories.get(random.nextInt(categories.size()))).withUnit(centre.id())
                    .between(now.minus(Duration.ofDays(90)), now));
            mix.add(HistoryQuery.EMPTY.withAddress(addressWords).withState(TicketState.CLOSED).between(now.minus(Duration.ofDays(730)), now));
        }
        return mix;
    }

    private void measure(Database db, Path folder, List<HistoryQuery> mix, String label, int indexRounds, int likeRounds) {
        long start = System.nanoTime();
        HistoryIndex index = new HistoryIndex(folder, new HistoryRows(db.dsl()), Clock.systemUTC());
        index.start();
        index.awaitIdle();
        double buildSeconds = (System.nanoTime() - start) / 1e9;
        HistorySearch search = new HistorySearch(index);
        for (HistoryQuery q : mix) { // warm up once
            search.search(q, SearchScope.ALL, HistorySearch.LIMIT);
        }
        long[] lucene = time(mix, indexRounds, q -> search.search(q, SearchScope.ALL, HistorySearch.LIMIT));
        LikeSearch like = new LikeSearch(db.dsl());
        like.search(mix.getFirst(), null, HistorySearch.LIMIT);
        long[] sql = time(mix, likeRounds, q -> like.search(q, null, HistorySearch.LIMIT));
        index.close();
        Map<String, Object> fields = BenchResults.fields();
        fields.put("tickets", new TicketRepository(db.dsl()).count());
        fields.put("indexBuildSeconds", buildSeconds);
        fields.put("queries", lucene.length);
        fields.put("indexMeanMs", mean(lucene));
        fields.put("indexMedianMs", BenchResults.median(lucene) / 1e6);
        fields.put("indexP99Ms", BenchResults.percentile(lucene, 99) / 1e6);
        fields.put("likeQueries", sql.length);
        fields.put("likeMeanMs", mean(sql));
        fields.put("likeMedianMs", BenchResults.median(sql) / 1e6);
        fields.put("likeP99Ms", BenchResults.percentile(sql, 99) / 1e6);
        BenchResults.write("history-search-" + label, fields);
        BenchResults.summary(String.format(Locale.ROOT,
                "history-search %s (%d tickets, index built in %.0f s): index mean %.1f ms p50 %.1f ms p99 %.1f ms (%d queries);"
                        + " SQL LIKE mean %.1f ms p50 %.1f ms p99 %.1f ms (%d queries); LIKE/index p99 %.0fx",
                label, (Integer) fields.get("tickets"), buildSeconds, mean(lucene), BenchResults.median(lucene) / 1e6,
                BenchResults.percentile(lucene, 99) / 1e6, lucene.length, mean(sql), BenchResults.median(sql) / 1e6,
                BenchResults.percentile(sql, 99) / 1e6, sql.length,
                (double) BenchResults.percentile(sql, 99) / Math.max(1, BenchResults.percentile(lucene, 99))));
    }

    private static long[] time(List<HistoryQuery> mix, int rounds, Consumer<HistoryQuery> run) {
        long[] nanos = new long[mix.size() * rounds];
        int n = 0;
        for (int r = 0; r < rounds; r++) {
            for (HistoryQuery q : mix) {
                long start = System.nanoTime();
                run.accept(q);
                nanos[n++] = System.nanoTime() - start;
            }
        }
        return nanos;
    }

    private static double mean(long[] nanos) {
        return Arrays.stream(nanos).average().orElse(0) / 1e6;
    }

    /// Copies every ticket `scale - 1` times into the past (two years further back each time),
    /// with codes of their own: the same texts, callers and places, ten times the rows.
    private static void multiply(Database db, int scale) {
        long top = db.dsl().select(DSL.max(TICKET.ID)).from(TICKET).fetchOne(0, Long.class);
        List<String> others = Arrays.stream(TICKET.fields()).map(Field::getName)
                .filter(n -> !List.of("id", "code", "external_id", "reported_at", "master_id").contains(n)).toList();
        String columns = String.join(", ", others);
        for (int k = 1; k < scale; k++) {
            for (long from = 0; from <= top; from += 20_000) {
                db.dsl().execute("INSERT INTO ticket (id, code, external_id, reported_at, master_id, " + columns + ") SELECT id + "
                        + (k * (top + 1)) + ", code || '#" + k + "', NULL, DATEADD(DAY, " + (-730 * k) + ", reported_at), NULL, "
                        + columns + " FROM ticket WHERE id > " + from + " AND id <= " + Math.min(top, from + 20_000));
            }
        }
        db.dsl().execute("ANALYZE");
    }
}

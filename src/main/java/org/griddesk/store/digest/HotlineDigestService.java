package org.griddesk.store.digest;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.function.Function;
import org.griddesk.domain.Masking;
import org.griddesk.domain.digest.DigestSettings;
import org.griddesk.domain.digest.HotSpot;
import org.griddesk.domain.digest.HotlineDigest;
import org.griddesk.domain.digest.RepeatCaller;
import org.griddesk.domain.digest.Spike;
import org.griddesk.domain.digest.SpikeRule;
import org.griddesk.domain.digest.TicketRef;
import org.griddesk.domain.digest.Topic;
import org.griddesk.domain.org.Permission;
import org.griddesk.security.AuditAction;
import org.griddesk.security.AuditEntry;
import org.griddesk.security.AuditOutcome;
import org.griddesk.security.AuditSink;
import org.griddesk.security.PersonalField;
import org.griddesk.security.Session;
import org.griddesk.store.PersonalDataVault;
import org.griddesk.store.digest.DigestRepository.KeyCount;
import org.griddesk.store.digest.DigestRepository.Span;
import org.griddesk.store.security.AuditLog;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// The daily 专线舆情 digest ([HotlineDigest]) over the store: counts in SQL ([DigestRepository]),
/// terms by [RequestTerms], the hot ones by the [SpikeRule]s of the [DigestSettings]. A person
/// needs ASSESSMENT_READ; every digest shown is audited REPORT_MADE and every export EXPORTED.
public final class HotlineDigestService {
    public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /// at most this many lines per list
    static final int LINES = 20;
    private static final Logger log = LoggerFactory.getLogger(HotlineDigestService.class);
    /// the analyser reads its dictionary once (about a second), for every desk and command alike
    private static volatile RequestTerms sharedTerms;

    private final DSLContext dsl;
    private final Clock clock;
    private final AuditSink audit;
    private final DigestSettings settings;
    private final DigestRepository repository;

    public HotlineDigestService(DSLContext dsl, Clock clock, AuditSink audit, DigestSettings settings) {
        this.dsl = dsl;
        this.clock = clock;
        this.audit = audit;
        this.settings = settings;
        this.repository = new DigestRepository(dsl);
    }

    /// The service on `db` with the default rules, auditing to `audit`.
    public static HotlineDigestService of(org.griddesk.store.Database db, AuditSink audit) {
        return new HotlineDigestService(db.dsl(), Clock.systemUTC(), audit, DigestSettings.DEFAULT);
    }

    /// A digest and what it took: the texts whose terms were counted, and the time of the SQL counts
    /// and of the term counting.
    public record Measured(HotlineDigest digest, int texts, long countMillis, long termMillis) {
    }

    /// The digest of `day` for `by` (ASSESSMENT_READ), recorded in the audit log.
    public HotlineDigest digest(Session by, LocalDate day) {
        String target = target(day);
        require(by, AuditAction.REPORT_MADE, target);
        checkDay(day, by, AuditAction.REPORT_MADE);
        HotlineDigest digest = compute(day).digest();
        dsl.transaction(c -> AuditLog.write(audit, c.dsl(), entry(by, AuditAction.REPORT_MADE, target, AuditOutcome.SUCCESS,
                describe(digest))));
        return digest;
    }

    /// Exports the digest of `day` for `by` to `file` as CSV ([DigestCsv]); the file is opened
    /// first, so that one that cannot be written fails before anything is computed.
    public HotlineDigest export(Session by, LocalDate day, Path file, ResourceBundle words) {
        String target = file.toAbsolutePath().toString();
        require(by, AuditAction.EXPORTED, target);
        checkDay(day, by, AuditAction.EXPORTED);
        HotlineDigest digest = writeTo(file, day, words).digest();
        dsl.transaction(c -> AuditLog.write(audit, c.dsl(), entry(by, AuditAction.EXPORTED, target, AuditOutcome.SUCCESS,
                target(day) + " " + describe(digest))));
        return digest;
    }

    /// Opens `file`, computes the digest of `day` and writes it; the file is removed again when
    /// the digest fails. Not audited: the caller records who did it (the console, a person).
    public Measured writeTo(Path file, LocalDate day, ResourceBundle words) {
        return writeTo(open(file), file, day, words);
    }

    /// Computes the digest of `day` and writes it to `out`, opened on `file` by [#open] (closed
    /// here; the file removed again when the digest fails).
    public Measured writeTo(OutputStream out, Path file, LocalDate day, ResourceBundle words) {
        try (out) {
            Measured measured = compute(day);
            DigestCsv.write(measured.digest(), out, words);
            return measured;
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // the digest's own failure is what matters
            }
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    /// Opens `file` for the digest before anything is computed: one that cannot be written fails
    /// at once, with the reason (no such folder, permission denied, a folder of that name…).
    public static OutputStream open(Path file) {
        try {
            return Files.newOutputStream(file);
        } catch (IOException e) {
            throw new UncheckedIOException(reason(e), e);
        }
    }

    /// The digest of `day` with no audit record (the console records its own; tests).
    public Measured compute(LocalDate day) {
        long started = System.nanoTime();
        int days = settings.baselineDays();
        Span span = span(day);
        Instant dayFrom = span.dayFrom();
        Instant dayTo = span.dayTo();
        KeyCount totals = repository.totals(span);
        double baselineMean = totals.baseline() / (double) days;
        double volume = baselineMean > 0 && totals.today() > 0 ? totals.today() / baselineMean : 1.0;
        SpikeRule topics = settings.topics();
        List<Spike> categories = hot(repository.categories(span), topics, days, volume);
        List<Spike> items = hot(repository.items(span), topics, days, volume);
        List<KeyCount> communityCounts = repository.communities(span);
        Map<String, String> areaOf = new HashMap<>();
        communityCounts.forEach(c -> areaOf.put(c.key(), c.parentName()));
        List<HotSpot> spots = hot(communityCounts, topics, days, volume).stream()
                .map(s -> new HotSpot(s, areaOf.get(s.key()), repository.gridsOnTheDay(span, s.key()))).toList();
        List<RepeatCaller> callers = repeatCallers(span, day.minusDays(6).atStartOfDay(SHANGHAI).toInstant());
        var incidents = settings.incidents().find(repository.arrivals(settings.channels(), dayFrom, dayTo));
        long counted = System.nanoTime();
        List<DigestRepository.Text> texts = repository.texts(span);
        List<Spike> terms = hot(termCounts(texts), settings.terms(), days, volume);
        long done = System.nanoTime();
        HotlineDigest digest = new HotlineDigest(day, days, totals.today(), baselineMean, categories, items, terms, spots, callers,
                incidents);
        Measured measured = new Measured(digest, texts.size(), (counted - started) / 1_000_000, (done - counted) / 1_000_000);
        log.info("hotline digest {}: {} (counts {} ms, {} texts' terms {} ms)", day, describe(digest), measured.countMillis(),
                texts.size(), measured.termMillis());
        return measured;
    }

    /// The requests of `day` behind a hot line of its digest (at most 500), for `by` (ASSESSMENT_READ).
    public List<TicketRef> ticketsOf(Session by, LocalDate day, Topic topic, String key) {
        require(by, AuditAction.REPORT_MADE, target(day));
        return repository.ticketsOf(span(day), topic, key, 500);
    }

    private Span span(LocalDate day) {
        return new Span(day.minusDays(settings.baselineDays()).atStartOfDay(SHANGHAI).toInstant(), day.atStartOfDay(SHANGHAI).toInstant(),
                day.plusDays(1).atStartOfDay(SHANGHAI).toInstant(), settings.channels());
    }

    /// A day can be digested once it has begun (in Beijing time) and not before the year 2000.
    public void checkDay(LocalDate day) {
        LocalDate today = LocalDate.now(clock.withZone(SHANGHAI));
        if (day.isAfter(today) || day.getYear() < 2000) {
            throw new DigestRefused("digest.refused.day", day, today);
        }
    }

    private void checkDay(LocalDate day, Session by, AuditAction action) {
        try {
            checkDay(day);
        } catch (DigestRefused e) {
            audit.record(entry(by, action, target(day), AuditOutcome.REFUSED, e.messageKey()));
            throw e;
        }
    }

    private static List<Spike> hot(List<KeyCount> counts, SpikeRule rule, int days, double volume) {
        return counts.stream()
                .flatMap(c -> rule.test(c.key(), c.name(), c.today(), c.baseline(), days, volume, counts.size()).stream())
                .sorted(Comparator.comparingDouble(Spike::pValue).thenComparing(Comparator.comparingDouble(Spike::ratio).reversed())
                        .thenComparing(Spike::key))
                .limit(LINES).toList();
    }

    /// Each term's texts on the day and over the baseline (a text counts once however often it says the word).
    private static List<KeyCount> termCounts(List<DigestRepository.Text> texts) {
        RequestTerms words = terms();
        Map<String, long[]> counts = new LinkedHashMap<>();
        for (DigestRepository.Text t : texts) {
            for (String word : words.of(t.summary())) {
                counts.computeIfAbsent(word, w -> new long[2])[t.today() ? 0 : 1]++;
            }
        }
        List<KeyCount> result = new ArrayList<>(counts.size());
        counts.forEach((word, n) -> result.add(new KeyCount(word, word, "", n[0], n[1])));
        return result;
    }

    private List<RepeatCaller> repeatCallers(Span span, Instant weekFrom) {
        List<DigestRepository.CallerCount> counts = repository.repeatCallers(span, weekFrom, settings.repeatToday(),
                settings.repeatWeek()).stream().limit(LINES).toList();
        Map<String, List<DigestRepository.CallerTicket>> tickets = new LinkedHashMap<>();
        repository.callerTickets(span, weekFrom, counts.stream().map(DigestRepository.CallerCount::callerIndex).toList())
                .forEach(t -> tickets.computeIfAbsent(t.callerIndex(), k -> new ArrayList<>()).add(t));
        PersonalDataVault vault = PersonalDataVault.of(dsl);
        Function<String, String> masked = sealed -> {
            String phone = vault.open(PersonalField.CALLER_PHONE, sealed).textOrNull();
            return phone == null ? "****" : Masking.phone(phone);
        };
        return counts.stream().map(c -> {
            List<DigestRepository.CallerTicket> theirs = tickets.getOrDefault(c.callerIndex(), List.of());
            String phone = theirs.isEmpty() ? "****" : masked.apply(theirs.getFirst().sealedPhone());
            List<TicketRef> refs = theirs.stream().map(DigestRepository.CallerTicket::ticket).toList();
            return new RepeatCaller(phone, c.today(), c.week(), refs);
        }).toList();
    }

    private static RequestTerms terms() {
        RequestTerms t = sharedTerms;
        if (t == null) {
            synchronized (HotlineDigestService.class) {
                t = sharedTerms;
                if (t == null) {
                    t = new RequestTerms();
                    sharedTerms = t;
                }
            }
        }
        return t;
    }

    private void require(Session by, AuditAction action, String target) {
        if (!by.may(Permission.ASSESSMENT_READ)) {
            audit.record(entry(by, action, target, AuditOutcome.REFUSED, "digest.refused.permission"));
            throw new DigestRefused("digest.refused.permission");
        }
    }

    private AuditEntry entry(Session by, AuditAction action, String target, AuditOutcome outcome, String detail) {
        return new AuditEntry(clock.instant(), by.accountId(), by.displayName(), by.from(), action, target, outcome, detail);
    }

    /// What the audit record and the log say of a digest.
    public static String describe(HotlineDigest d) {
        return "requests=" + d.total() + " categories=" + d.categories().size() + " items=" + d.items().size() + " terms="
                + d.terms().size() + " spots=" + d.spots().size() + " callers=" + d.callers().size() + " incidents="
                + d.incidents().size();
    }

    public static String target(LocalDate day) {
        return "hotline-digest " + day;
    }

    private static String reason(IOException e) {
        return e instanceof AccessDeniedException ? "permission denied"
                : e instanceof NoSuchFileException ? "no such folder"
                : e instanceof FileSystemException f && f.getReason() != null ? f.getReason()
                : String.valueOf(e.getMessage());
    }
}

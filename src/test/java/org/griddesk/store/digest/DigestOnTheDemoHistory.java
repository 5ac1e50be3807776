package org.griddesk.store.digest;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.griddesk.domain.digest.DigestSettings;
import org.griddesk.domain.digest.HotlineDigest;
import org.griddesk.domain.digest.Spike;
import org.griddesk.store.DataKeySetup;
import org.griddesk.store.Database;
import org.griddesk.store.DatabaseSettings;
import org.griddesk.store.ThreadGuard;
import org.griddesk.testsupport.RecordingAudit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// A measurement, not a check: the digest of each of the last `griddesk.digest.days` (60) whole
/// days of a demo store (`-Dgriddesk.demoDir=FOLDER`, made by `griddesk demo generate`), with what
/// each list holds and how long the counts and the terms took. Run by hand:
/// `./mvnw -q test -Dtest=DigestOnTheDemoHistory -Dgriddesk.demoDir=/tmp/demo`.
@EnabledIfSystemProperty(named = "griddesk.demoDir", matches = ".+")
class DigestOnTheDemoHistory {
    private static final Logger log = LoggerFactory.getLogger(DigestOnTheDemoHistory.class);

    @Test
    void digestEachDay() {
        Path dir = Path.of(System.getProperty("griddesk.demoDir"));
        int days = Integer.getInteger("griddesk.digest.days", 60);
        try (Database db = Database.open(DatabaseSettings.embeddedH2(dir), ThreadGuard.NONE)) {
            DataKeySetup.attach(db, dir);
            HotlineDigestService service = new HotlineDigestService(db.dsl(), Clock.systemUTC(), new RecordingAudit(), DigestSettings.DEFAULT);
            LocalDate last = LocalDate.now(Clock.system(HotlineDigestService.SHANGHAI)).minusDays(1);
            List<Long> counts = new ArrayList<>();
            List<Long> terms = new ArrayList<>();
            int withTopics = 0;
            StringBuilder table = new StringBuilder();
            for (LocalDate day = last.minusDays(days - 1); !day.isAfter(last); day = day.plusDays(1)) {
                HotlineDigestService.Measured m = service.compute(day);
                HotlineDigest d = m.digest();
                counts.add(m.countMillis());
                terms.add(m.termMillis());
                boolean hot = !d.categories().isEmpty() || !d.items().isEmpty() || !d.terms().isEmpty() || !d.spots().isEmpty();
                withTopics += hot ? 1 : 0;
                table.append(String.format("%s %4d req | cat %s | item %s | term %s | spot %s | callers %d | incidents %d | %d ms + %d ms (%d texts)%n",
                        day, d.total(), names(d.categories()), names(d.items()), names(d.terms()),
                        d.spots().stream().map(s -> s.community().name()).collect(Collectors.joining(",")), d.callers().size(),
                        d.incidents().size(), m.countMillis(), m.termMillis(), m.texts()));
            }
            counts.sort(null);
            terms.sort(null);
            log.info("digest of {} demo days:\n{}days with a hot topic, item, term or spot: {}; median counts {} ms, median terms {} ms",
                    days, table, withTopics, counts.get(counts.size() / 2), terms.get(terms.size() / 2));
        }
    }

    private static String names(List<Spike> spikes) {
        return spikes.stream().map(s -> s.name() + " " + s.today()).collect(Collectors.joining(","));
    }
}

package org.griddesk.supervise.digest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.griddesk.domain.digest.DigestSettings;
import org.griddesk.domain.digest.MassIncident;
import org.griddesk.store.digest.DigestRepository;
import org.griddesk.store.feed.Change;
import org.griddesk.store.feed.ChangeBatch;

/// The mass-incident check as requests arrive: a batch of the change feed that reports or accepts
/// (the item is known from acceptance) a request makes it read the requests of the last window
/// ([org.griddesk.domain.digest.MassIncidentRule#window], two hours by default) and apply the rule;
/// an incident that holds one of the batch's tickets and was not told within the window is new.
/// Off the UI thread; one check at a time.
public final class MassIncidentWatch {
    /// the events after which a request's subject and place may be new
    static final Set<String> ARRIVING = Set.of("Reported", "Accepted");

    private final DigestRepository repository;
    private final DigestSettings settings;
    private final Clock clock;
    /// incidents told, by level, subject and place, and when: told again once a window has passed
    private final Map<List<Object>, Instant> told = new LinkedHashMap<>();

    public MassIncidentWatch(DigestRepository repository, DigestSettings settings, Clock clock) {
        this.repository = repository;
        this.settings = settings;
        this.clock = clock;
    }

    /// Whether `batch` can bring a new incident (cheap: looked at on the feed's thread).
    public static boolean arriving(ChangeBatch batch) {
        return !batch.skipped() && batch.changes().stream().map(Change::eventType).anyMatch(ARRIVING::contains);
    }

    /// The incidents that `batch` makes new, most specific first.
    public synchronized List<MassIncident> check(ChangeBatch batch) {
        if (!arriving(batch)) {
            return List.of();
        }
        Set<Long> arrived = new HashSet<>();
        batch.changes().stream().filter(c -> ARRIVING.contains(c.eventType())).forEach(c -> arrived.add(c.ticketId()));
        Instant now = clock.instant();
        Duration window = settings.incidents().window();
        told.values().removeIf(at -> at.isBefore(now.minus(window)));
        List<MassIncident> fresh = new ArrayList<>();
        for (MassIncident incident : settings.incidents().find(repository.arrivals(settings.channels(), now.minus(window),
                now.plusSeconds(60)))) {
            List<Object> key = List.of(incident.level(), incident.subject(), incident.place());
            boolean touched = incident.tickets().stream().anyMatch(t -> arrived.contains(t.id()));
            if (touched && !told.containsKey(key)) {
                told.put(key, now);
                fresh.add(incident);
            }
        }
        return fresh;
    }
}

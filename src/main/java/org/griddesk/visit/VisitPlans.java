package org.griddesk.visit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.griddesk.domain.org.Actor;
import org.griddesk.domain.org.Permission;
import org.griddesk.domain.org.Permissions;
import org.griddesk.domain.org.Unit;
import org.griddesk.domain.org.UnitLevel;
import org.griddesk.domain.visit.HouseholdLastVisit;
import org.griddesk.domain.visit.MajorEvent;
import org.griddesk.domain.visit.VisitCoverage;
import org.griddesk.domain.visit.VisitDue;
import org.griddesk.domain.visit.VisitFrequency;
import org.griddesk.domain.visit.VisitRefused;
import org.griddesk.domain.visit.VisitRules;
import org.griddesk.domain.visit.VisitSchedule;
import org.griddesk.domain.visit.VisitScope;
import org.griddesk.geo.RegionLevel;
import org.griddesk.store.visit.VisitRepository;

/// The visit plans, the visits owed and overdue, coverage and major events, for the desk, the
/// workers' app and the reports. The frequencies are read from the store's system properties on
/// each call ([VisitSchedule#withOverrides]), so an administrator's change applies at once.
public final class VisitPlans {
    /// how far back a major event still calls for visits: one not answered in a week is listed
    /// overdue for that long, then it is history
    static final Duration EVENTS_KEPT = Duration.ofDays(7);
    static final int MAX_TITLE = 200;

    private final VisitRepository visits;
    private final Clock clock;

    public VisitPlans(VisitRepository visits, Clock clock) {
        this.visits = visits;
        this.clock = clock;
    }

    /// The frequencies in force: the defaults with the store's `visits.frequency.*` overrides.
    /// Throws [VisitRefused] naming a misconfigured property.
    public VisitSchedule schedule() {
        try {
            return visits.schedule();
        } catch (IllegalArgumentException wrong) {
            throw new VisitRefused("visits.refused.frequency", wrong.getMessage());
        }
    }

    /// Every visit owed now in `scope`, routine and for major events, the longest overdue first.
    public List<VisitDue> owed(VisitScope scope) {
        Instant now = clock.instant();
        VisitRules rules = new VisitRules(schedule());
        List<MajorEvent> events = visits.eventsSince(now.minus(EVENTS_KEPT));
        List<VisitDue> owed = new ArrayList<>();
        for (HouseholdLastVisit household : visits.lastVisits(scope)) {
            owed.addAll(rules.owed(household, events, now));
        }
        owed.sort(Comparator.comparing(VisitDue::dueBy).thenComparing(VisitDue::householdId));
        return owed;
    }

    /// The overdue visits of `scope`: a grid leader's community, a town centre's area, the district.
    public List<VisitDue> overdue(VisitScope scope) {
        return owed(scope).stream().filter(VisitDue::overdue).toList();
    }

    /// How many visits are overdue in each community of `scope` (a town's or the district's list at a glance).
    public Map<String, Long> overdueByCommunity(VisitScope scope) {
        return overdue(scope).stream().collect(Collectors.groupingBy(d -> String.valueOf(d.communityCode()), Collectors.counting()));
    }

    /// The grid worker's plan for `month`.
    public GridVisitPlan plan(String gridCode, YearMonth month) {
        VisitRules rules = new VisitRules(schedule());
        // the periods overlapping a month reach at most into the quarters around it
        LocalDate first = VisitFrequency.QUARTERLY.periodOf(month.atDay(1)).first().minusDays(7);
        LocalDate last = VisitFrequency.QUARTERLY.periodOf(month.atEndOfMonth()).last().plusDays(7);
        Map<String, List<LocalDate>> days = visits.visitDays(gridCode, first, last);
        List<VisitRules.PlannedVisits> planned = new ArrayList<>();
        for (HouseholdLastVisit h : visits.lastVisits(VisitScope.grid(gridCode))) {
            planned.add(rules.plan(h.householdId(), h.category(), month, days.getOrDefault(h.householdId(), List.of())));
        }
        return new GridVisitPlan(gridCode, month, planned);
    }

    /// Every grid's coverage for `month` (grids without must-visit households are left out).
    public Map<String, VisitCoverage> coverage(YearMonth month) {
        return visits.coverage(month, schedule());
    }

    /// A supervisor declares a major event for a community or a grid of the current map (a town
    /// centre's people: of their own town): each of its must-visit households is owed a visit within
    /// 24 hours. Throws [VisitRefused], recording nothing.
    public MajorEvent declare(Actor by, String regionCode, String title) {
        require(by, Permission.VISIT_EVENT_DECLARE, "visits.action.declare");
        String code = regionCode == null ? "" : regionCode.strip();
        RegionLevel level = visits.liveRegionLevel(code).orElse(null);
        if (level != RegionLevel.COMMUNITY && level != RegionLevel.GRID) {
            throw new VisitRefused("visits.refused.region", code);
        }
        VisitScope mine = scopeOf(by.unit());
        if (mine.level() == VisitScope.Level.AREA && !mine.code().equals(visits.areaOf(code).orElse(null))) {
            throw new VisitRefused("visits.refused.otherTown", code, mine.code());
        }
        String text = title == null ? "" : title.strip();
        if (text.isEmpty() || text.length() > MAX_TITLE) {
            throw new VisitRefused("visits.refused.title");
        }
        return visits.declare(code, text, by.name(), clock.instant());
    }

    /// The overdue visits `by` may watch, and the visits open major events call for: a town centre's
    /// people their town's, the district centre's the district's ([#scopeOf]). Reading them asks
    /// [Permission#SPECIAL_GROUPS_READ] (the households are the special groups of one's centre's grids).
    /// Throws [VisitRefused] for anyone else, reading nothing.
    public OverdueVisits overdueFor(Actor by) {
        require(by, Permission.SPECIAL_GROUPS_READ, "visits.action.overdue");
        VisitScope scope = scopeOf(by.unit());
        Instant now = clock.instant();
        List<VisitDue> watched = owed(scope).stream()
                .filter(d -> d.overdue() || d.reason() == VisitDue.Reason.MAJOR_EVENT).toList();
        Map<Long, MajorEvent> events = visits.eventsSince(now.minus(EVENTS_KEPT)).stream()
                .collect(Collectors.toMap(MajorEvent::id, e -> e));
        return new OverdueVisits(scope, now, watched, visits.maskedNames(watched.stream().map(VisitDue::householdId).toList()),
                visits.regionNames(), events);
    }

    /// Whose visits a unit watches: a town or zone centre (and its teams) its area (the area's code
    /// is the centre's id), a centre of the district or above the district. Throws [VisitRefused]
    /// for a unit with no place in the net (no centre of its own).
    static VisitScope scopeOf(Unit unit) {
        if (unit.isCentre() && unit.level() != UnitLevel.STREET) {
            return VisitScope.DISTRICT;
        }
        String centre = unit.isCentre() ? unit.id() : unit.parentId();
        if (unit.level() == UnitLevel.STREET && centre != null) {
            return VisitScope.area(centre);
        }
        if (unit.level() == UnitLevel.DISTRICT && centre != null) {
            return VisitScope.DISTRICT;
        }
        throw new VisitRefused("visits.refused.scope", unit.id());
    }

    private static void require(Actor by, Permission permission, String action) {
        if (!Permissions.allows(by.role(), permission)) {
            throw new VisitRefused("visits.refused.role", by.role().name(), action);
        }
    }
}

package org.griddesk.intake;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.griddesk.domain.ticket.DuplicateSuggestion;
import org.griddesk.domain.ticket.DuplicateSuggestion.Kind;
import org.griddesk.domain.ticket.DuplicateSuggestion.Reason;

/// Checks a new request against every open ticket and names the ones it may repeat.
///
/// Each pair is scored from 0 to 1 by what they share: text alike (character bigrams, up to 0.45),
/// nearness (0.25 within 50 m, less further, 0.12 for the same grid without points), time (0.10
/// within 2 hours, less within 3 days), the same item (0.15) or category (0.07), the same caller's
/// phone (0.25) and the same camera and alarm type (0.5). A pair is suggested from [#SUGGEST] when
/// at least one strong sign is among them (text at least 35 % alike, the same phone or camera, or
/// the same item within 100 m): nearness and time alone never make a duplicate in a busy town centre.
final class DuplicateCheck {
    static final double SUGGEST = 0.5;
    static final int MAX_SUGGESTIONS = 5;

    private final Map<Long, RequestTraits> open = new ConcurrentHashMap<>();

    /// The open tickets it compares against, replacing what it had.
    void replaceAll(Collection<RequestTraits> tickets) {
        open.clear();
        tickets.forEach(this::put);
    }

    void put(RequestTraits ticket) {
        open.put(ticket.id(), ticket);
    }

    void remove(long ticketId) {
        open.remove(ticketId);
    }

    boolean contains(long ticketId) {
        return open.containsKey(ticketId);
    }

    int size() {
        return open.size();
    }

    /// The strongest matches of `request` among the open tickets, best first, at most [#MAX_SUGGESTIONS].
    List<DuplicateSuggestion> check(RequestTraits request) {
        List<DuplicateSuggestion> found = new ArrayList<>();
        for (RequestTraits candidate : open.values()) {
            if (candidate.id() != request.id()) {
                compare(request, candidate).ifPresent(found::add);
            }
        }
        found.sort(Comparator.comparingDouble(DuplicateSuggestion::score).reversed()
                .thenComparing(DuplicateSuggestion::candidateId));
        return found.size() > MAX_SUGGESTIONS ? List.copyOf(found.subList(0, MAX_SUGGESTIONS)) : found;
    }

    /// The score of one pair and its reasons, when it is worth suggesting.
    static Optional<DuplicateSuggestion> compare(RequestTraits request, RequestTraits candidate) {
        List<Reason> reasons = new ArrayList<>(4);
        double score = 0;
        boolean strong = false;
        if (request.cameraCode() != null && request.cameraCode().equals(candidate.cameraCode())
                && request.alarmType().equals(candidate.alarmType())) {
            score += 0.5;
            strong = true;
            reasons.add(new Reason(Kind.SAME_CAMERA, 0));
        }
        double text = Bigrams.dice(request.bigrams(), candidate.bigrams());
        if (text >= 0.2) {
            score += 0.45 * text;
            strong |= text >= 0.35;
            reasons.add(new Reason(Kind.TEXT, (int) Math.round(text * 100)));
        }
        if (request.callerPhone() != null && request.callerPhone().equals(candidate.callerPhone())) {
            score += 0.25;
            strong = true;
            reasons.add(new Reason(Kind.SAME_CALLER, 0));
        }
        if (request.hasPoint() && candidate.hasPoint()) {
            double metres = request.metresTo(candidate);
            double near = metres <= 50 ? 0.25 : metres <= 150 ? 0.18 : metres <= 500 ? 0.08 : 0;
            if (near > 0) {
                score += near;
                strong |= metres <= 100 && request.itemCode() != null && request.itemCode().equals(candidate.itemCode());
                reasons.add(new Reason(Kind.DISTANCE, (int) Math.round(metres)));
            }
        } else if (request.gridCode() != null && request.gridCode().equals(candidate.gridCode())) {
            score += 0.12;
            reasons.add(new Reason(Kind.SAME_GRID, 0));
        }
        long hours = Math.abs(Duration.between(request.at(), candidate.at()).toHours());
        double soon = hours < 2 ? 0.10 : hours < 24 ? 0.06 : hours < 72 ? 0.03 : 0;
        if (soon > 0) {
            score += soon;
            reasons.add(new Reason(Kind.HOURS_APART, (int) hours));
        }
        if (request.itemCode() != null && request.itemCode().equals(candidate.itemCode())) {
            score += 0.15;
            reasons.add(new Reason(Kind.SAME_ITEM, 0));
        } else if (request.categoryCode() != null && request.categoryCode().equals(candidate.categoryCode())) {
            score += 0.07;
            reasons.add(new Reason(Kind.SAME_CATEGORY, 0));
        }
        if (!strong || score < SUGGEST) {
            return Optional.empty();
        }
        double rounded = Math.round(Math.min(1, score) * 100) / 100.0;
        return Optional.of(new DuplicateSuggestion(candidate.id(), candidate.code(), rounded, reasons));
    }
}

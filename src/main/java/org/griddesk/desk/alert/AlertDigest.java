package org.griddesk.desk.alert;

import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.griddesk.ui.Messages;

/// What one notification says: the alerts gathered since the last one, by kind (a burst of new
/// urgent tickets is one line, "3 张紧急工单：…").
public record AlertDigest(List<Alert> alerts) {
    /// at most this many ticket codes named per line
    static final int CODES = 3;

    public AlertDigest {
        alerts = List.copyOf(alerts);
    }

    public Map<Alert.Kind, List<Alert>> byKind() {
        Map<Alert.Kind, List<Alert>> m = new EnumMap<>(Alert.Kind.class);
        for (Alert.Kind k : Alert.Kind.values()) {
            List<Alert> of = alerts.stream().filter(a -> a.kind() == k).toList();
            if (!of.isEmpty()) {
                m.put(k, of);
            }
        }
        return m;
    }

    /// the ticket a click on the notification opens: the first of the most pressing kind
    public long firstTicketId() {
        return byKind().values().iterator().next().getFirst().ticketId();
    }

    /// one line per kind, e.g. "3 张紧急工单：2612-0001、2612-0002、2612-0003"
    public String text(Messages m) {
        return byKind().entrySet().stream().map(e -> {
            Set<String> codes = new LinkedHashSet<>();
            e.getValue().forEach(a -> codes.add(a.code()));
            String named = codes.stream().limit(CODES).collect(Collectors.joining(m.get("alerts.separator")));
            String more = codes.size() > CODES ? m.get("alerts.more") : "";
            return m.get("alerts.kind." + e.getKey().name(), codes.size(), named + more);
        }).collect(Collectors.joining("\n"));
    }

    public String title(Messages m) {
        return m.get("alerts.title", alerts.stream().map(Alert::ticketId).distinct().count());
    }
}

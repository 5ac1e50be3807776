package org.griddesk.desk.queue;

import java.util.HashMap;
import java.util.Map;
import java.util.StringJoiner;
import org.griddesk.domain.ticket.Channel;

/// The queue's filters as a saved view keeps them: one line, `channel=VIDEO;stage=WAITING;overdue=true;…`,
/// naming only what differs from the defaults. Unknown parts (a channel or stage this version does
/// not have) read as not set.
///
/// @param areaCode     the town's code, or null for every town
/// @param categoryCode the category's code, or null for every category
record SavedViewSpec(Channel channel, QueueViewModel.Stage stage, String areaCode, String categoryCode, boolean overdueOnly,
                     QueueViewModel.Sort sort, boolean mineOnly, String search) {
    SavedViewSpec {
        stage = stage == null ? QueueViewModel.Stage.ALL : stage;
        sort = sort == null ? QueueViewModel.Sort.RISK : sort;
        search = search == null ? "" : search.strip().replace(";", " ").replace("=", " ");
    }

    String line() {
        StringJoiner j = new StringJoiner(";");
        if (channel != null) {
            j.add("channel=" + channel.name());
        }
        if (stage != QueueViewModel.Stage.ALL) {
            j.add("stage=" + stage.name());
        }
        if (areaCode != null) {
            j.add("area=" + areaCode);
        }
        if (categoryCode != null) {
            j.add("category=" + categoryCode);
        }
        if (overdueOnly) {
            j.add("overdue=true");
        }
        if (sort != QueueViewModel.Sort.RISK) {
            j.add("sort=" + sort.name());
        }
        if (mineOnly) {
            j.add("mine=true");
        }
        if (!search.isEmpty()) {
            j.add("search=" + search);
        }
        return j.toString();
    }

    static SavedViewSpec parse(String line) {
        Map<String, String> parts = new HashMap<>();
        for (String part : line == null ? new String[0] : line.split(";")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                parts.put(part.substring(0, eq).strip(), part.substring(eq + 1).strip());
            }
        }
        return new SavedViewSpec(parse(Channel.class, parts.get("channel")), parse(QueueViewModel.Stage.class, parts.get("stage")),
                parts.get("area"), parts.get("category"), "true".equals(parts.get("overdue")),
                parse(QueueViewModel.Sort.class, parts.get("sort")), "true".equals(parts.get("mine")), parts.get("search"));
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String name) {
        try {
            return name == null ? null : Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}

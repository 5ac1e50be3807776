package org.griddesk.domain.ticket;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/// An open ticket a new request may repeat, offered to the dispatcher to merge, with the score
/// (0 to 1) and the reasons that made it.
public record DuplicateSuggestion(long candidateId, String candidateCode, double score, List<Reason> reasons) {
    public DuplicateSuggestion {
        reasons = List.copyOf(reasons);
    }

    /// Why two requests look alike. `value` is the measure where the reason has one (percent of
    /// text alike, metres apart, hours apart: [Kind#measured()]), else 0.
    public record Reason(Kind kind, int value) {
        public String zh() {
            return kind.zh.formatted(value);
        }

        public String en() {
            return kind.en.formatted(value);
        }
    }

    public enum Kind {
        TEXT("文字相似 %d%%", "text %d%% alike"),
        DISTANCE("相距 %d 米", "%d m apart"),
        SAME_GRID("同一网格", "same grid"),
        HOURS_APART("相隔 %d 小时", "%d h apart"),
        SAME_ITEM("同一事项", "same item"),
        SAME_CATEGORY("同一大类", "same category"),
        SAME_CALLER("同一来电号码", "same caller's phone"),
        SAME_CAMERA("同一摄像头同类告警", "same camera and alarm type");

        /// Whether the reason comes with a measure.
        public boolean measured() {
            return zh.contains("%d");
        }

        private final String zh;
        private final String en;

        Kind(String zh, String en) {
            this.zh = zh;
            this.en = en;
        }
    }

    /// The reasons as stored: `TEXT=72,DISTANCE=35,SAME_CALLER`.
    public String reasonCodes() {
        return reasons.stream().map(r -> !r.kind().measured() ? r.kind().name() : r.kind().name() + "=" + r.value())
                .collect(Collectors.joining(","));
    }

    /// Reads [#reasonCodes()] back.
    public static List<Reason> parseReasons(String codes) {
        if (codes == null || codes.isBlank()) {
            return List.of();
        }
        return Arrays.stream(codes.split(",")).map(code -> {
            int eq = code.indexOf('=');
            return eq < 0 ? new Reason(Kind.valueOf(code), 0)
                    : new Reason(Kind.valueOf(code.substring(0, eq)), Integer.parseInt(code.substring(eq + 1)));
        }).toList();
    }

    /// The reasons in Chinese, for a dispatcher.
    public String reasonsZh() {
        return reasons.stream().map(Reason::zh).collect(Collectors.joining("；"));
    }
}

package org.griddesk.domain.district;

/// A video point of 雪亮工程 on the map.
///
/// @param streamUrl its live stream (`rtsp://…`, or the video platform's page), handed to the
///                  system's player; null where the district did not give one
public record Camera(String code, Kind kind, double lon, double lat, String gridCode, String streamUrl) {
    /// the demo district's video platform: where its cameras' streams would be
    public static final String DEMO_STREAMS = "rtsp://vms.jinnan.demo:554/live/";

    public Camera(String code, Kind kind, double lon, double lat, String gridCode) {
        this(code, kind, lon, lat, gridCode, null);
    }

    public enum Kind {
        /// 高清摄像头
        HD(7081, "GQ"),
        /// 电子卡口
        CHECKPOINT(80, "KK"),
        /// 制高点
        HIGH_POINT(366, "ZG"),
        /// 人脸识别
        FACE(945, "RL");

        private final int demoCount;
        private final String codePrefix;

        Kind(int demoCount, String codePrefix) {
            this.demoCount = demoCount;
            this.codePrefix = codePrefix;
        }

        /// The letters camera codes of this kind start with (pinyin initials).
        public String codePrefix() {
            return codePrefix;
        }

        /// How many the demo district has (DOMAIN.md §9).
        public int demoCount() {
            return demoCount;
        }
    }
}

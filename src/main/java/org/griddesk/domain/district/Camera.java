package org.griddesk.domain.district;

/// A video point of 雪亮工程 on the map.
public record Camera(String code, Kind kind, double lon, double lat, String gridCode) {

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

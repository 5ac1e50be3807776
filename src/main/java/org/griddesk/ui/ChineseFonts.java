package org.griddesk.ui;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/// Picks a font family that has real Chinese glyphs, so text never falls back to boxes.
///
/// Windows always has Microsoft YaHei; Linux desks need a CJK package such as `fonts-noto-cjk`.
public final class ChineseFonts {
    static final List<String> PREFERRED = List.of(
            "Microsoft YaHei UI", "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Noto Sans SC",
            "Source Han Sans SC", "Source Han Sans CN", "WenQuanYi Micro Hei", "WenQuanYi Zen Hei",
            "SimHei", "DengXian", "Droid Sans Fallback");

    private ChineseFonts() {
    }

    /// The first preferred family that is installed, if any.
    public static Optional<String> choose(Set<String> installedFamilies) {
        return PREFERRED.stream().filter(installedFamilies::contains).findFirst();
    }
}

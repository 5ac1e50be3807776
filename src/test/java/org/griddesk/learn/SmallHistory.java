package org.griddesk.learn;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.griddesk.learn.ItemModelTrainer.Example;

/// A small fixed history with a known answer: three items, each said in its own words, at places
/// that say nothing about the item. The codes are the demo catalogue's (路灯不亮, 井盖缺失, 社会生活噪声).
public final class SmallHistory {
    public static final String LAMP = "07-01-001";
    public static final String MANHOLE = "06-03-002";
    public static final String NOISE = "09-03-002";
    private static final String[][] SAID = {
        {"路灯不亮", "晚上路灯黑着", "灯坏了好几天没人修"},
        {"井盖丢了", "下水道盖子不见了", "窨井盖被偷了"},
        {"晚上太吵睡不着", "噪音很大", "半夜还在吵"}};
    private static final String[] ITEMS = {LAMP, MANHOLE, NOISE};
    private static final String[] PLACES = {"长江路", "丰泽道", "咸水沽", "双港镇", "八里台", "小站"};

    private SmallHistory() {
    }

    public static List<Example> examples(int n) {
        Random r = new Random(5);
        List<Example> out = new ArrayList<>();
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        for (int i = 0; i < n; i++) {
            int item = r.nextInt(3);
            String text = "市民反映：" + PLACES[r.nextInt(PLACES.length)] + (1 + r.nextInt(30)) + "号楼" + SAID[item][r.nextInt(3)];
            out.add(new Example(text, ITEMS[item], t.plusSeconds(3600L * i)));
        }
        return out;
    }
}

package org.griddesk.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.griddesk.domain.taxonomy.Item;
import org.griddesk.domain.ticket.Channel;
import org.griddesk.geo.Region;

/// The words of the demo history's requests, as people and channels write them: a hotline
/// operator's 市民来电反映：… with the place and what the caller said, a grid worker's terse 巡查发现：…,
/// a department's push. What is said about each item comes from `demo/item-phrases.csv` (twelve
/// ways per item, most of them without the item's own name); some requests mention a second matter,
/// some say little. Each text comes from its own random stream (seed and ticket id), so the rest
/// of the history does not depend on the words.
///
/// One way of each item is never used in the history: it is kept back to check how a model learnt
/// from the history does on words it has never seen ([#unseenWording]).
public final class RequestTexts {
    private static final String[] FRAMES = {"市民来电反映：", "来电人反映：", "群众来电称：", "来电人称，", "市民反映，", "来电反映：", ""};
    private static final String[] SPOTS = {"门口", "东侧路口", "楼下", "菜市场旁", "小学附近", "公交站旁", "广场", "停车场", "南门",
        "对面", "沿河步道", "北门", "超市后面", "院内", "地下车库入口", "小花园", "物业办公室前", "西侧围墙外", "商铺门前",
        "十字路口", "老年活动中心旁", "单元门口", ""};
    private static final String[] DETAILS = {"已经好几天了", "影响居民出行", "多次反映未解决", "存在安全隐患", "夜间尤其严重",
        "老人孩子经过很危险", "物业说管不了", "上周打过电话", "邻居都有意见", "可以提供照片", "希望相关部门来看看"};
    private static final String[] CLOSINGS = {"请相关部门尽快处理。", "希望尽快解决。", "要求核实处理。", "请尽快派人查看。"};
    private static final String[] PUSHERS = {"区城市管理委员会推送：", "区生态环境局推送：", "区住房和建设委员会推送：",
        "区市场监督管理局推送：", "区水务局推送：", "智慧监测平台推送："};
    /// share of requests that mention a second matter, and that say too little to be sure
    private static final double SECOND_MATTER = 0.10;
    private static final double VAGUE = 0.04;

    private final Map<String, List<String>> phrases;
    private final List<String> allItems;
    private final long seed;

    private RequestTexts(Map<String, List<String>> phrases, long seed) {
        this.phrases = phrases;
        this.allItems = List.copyOf(phrases.keySet());
        this.seed = seed;
    }

    public static RequestTexts load(long seed) {
        Map<String, List<String>> phrases = new HashMap<>();
        try (InputStream in = RequestTexts.class.getResourceAsStream("/demo/item-phrases.csv")) {
            if (in == null) {
                throw new IllegalStateException("demo/item-phrases.csv is missing from the application");
            }
            CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
            for (CSVRecord r : format.parse(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                phrases.put(r.get("item_code"), List.of(r.get("phrases").split("\\|")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new RequestTexts(phrases, seed);
    }

    /// What the request of ticket `id` says about `item` at `grid`, as `channel` writes it.
    String text(long id, Channel channel, Item item, Region grid) {
        Random r = new Random(seed * 1_000_003L + id);
        return framed(said(item.code(), r), channel, grid, r);
    }

    /// An 8890 order about `item` at `grid` in the item's kept-back words, which no ticket of the
    /// history uses.
    public String unseenWording(long n, Item item, Region grid) {
        Random r = new Random(seed * 7_000_003L + n);
        List<String> ways = phrases.getOrDefault(item.code(), List.of(item.name()));
        return framed(ways.get(keptBack(item.code(), ways.size())), Channel.HOTLINE_8890, grid, r);
    }

    private String framed(String said, Channel channel, Region grid, Random r) {
        String what = said;
        if (r.nextDouble() < VAGUE) {
            what = what.substring(0, Math.max(2, what.length() / 2)) + "，具体情况请联系来电人";
        } else if (r.nextDouble() < SECOND_MATTER) {
            what = what + "；另外" + said(allItems.get(r.nextInt(allItems.size())), r);
        }
        String place = place(grid, r);
        // a phrase written as a report or a complaint already has its verb: the frame does not say it twice
        String plain = what.replaceFirst("^(巡查发现|反映)", "");
        return switch (channel) {
            case HOTLINE_8890, GOVERNANCE_PLATFORM, DESK -> pick(FRAMES, r) + place + plain
                    + (r.nextBoolean() ? "，" + pick(DETAILS, r) : "") + (r.nextDouble() < 0.4 ? "，" + pick(CLOSINGS, r) : "");
            case GRID_APP -> "巡查发现：" + place + plain;
            case VIDEO -> "视频巡查发现：" + place + plain;
            case DEPARTMENT_PUSH, SMART_PUSH -> pick(PUSHERS, r) + place + plain;
        };
    }

    /// One of the ways the history says `itemCode`: never the one kept back.
    private String said(String itemCode, Random r) {
        List<String> ways = phrases.get(itemCode);
        if (ways == null || ways.isEmpty()) {
            return itemCode;
        }
        if (ways.size() == 1) {
            return ways.getFirst();
        }
        int kept = keptBack(itemCode, ways.size());
        int k = r.nextInt(ways.size() - 1);
        return ways.get(k >= kept ? k + 1 : k);
    }

    /// Which of an item's ways is kept back: one that depends on the item, so that the kept-back
    /// ways are of every kind of speaker, not all of one.
    private static int keptBack(String itemCode, int ways) {
        return Math.floorMod(itemCode.hashCode() * 31 + 7, ways);
    }

    private static String place(Region grid, Random r) {
        String name = grid.name();
        int cut = name.indexOf('第');
        String community = cut > 0 ? name.substring(0, cut) : name;
        String building = r.nextDouble() < 0.6 ? (1 + r.nextInt(30)) + "号楼" : "";
        return community + building + pick(SPOTS, r);
    }

    private static String pick(String[] values, Random r) {
        return values[r.nextInt(values.length)];
    }
}

package org.griddesk.simulate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.griddesk.domain.ticket.Channel;
import org.griddesk.simulate.SimulatedRequest.Kind;

/// Makes realistic traffic for the gateway, one request at a time: the channel mix of a district
/// centre (8890 about half, 网格通 a fifth, video alarms, pushes), Chinese request texts built from
/// the district's communities and common complaints, and at realistic rates: channels re-sending
/// (3 %), a second citizen reporting the same matter (6 %), cameras repeating an alarm (30 % of
/// alarms) and broken requests (2.5 %). Deterministic for a seed. Not thread-safe.
public final class TrafficModel {
    static final double RESENT = 0.03;
    static final double SAME_MATTER = 0.06;
    static final double BROKEN = 0.025;
    static final double REPEAT_ALARM = 0.30;
    /// the newest requests are not re-sent (their first answer may still be on its way)
    static final int RESEND_AFTER = 100;

    private static final String[] SPOTS = {"门口", "东侧路口", "楼下", "菜市场旁", "小学附近", "公交站旁", "广场", "停车场",
        "南门", "幼儿园对面", "卫生服务站旁", "沿河步道", "北门岗亭", "超市后身", "健身器材处", "垃圾站旁", "地下车库入口",
        "小花园", "物业办公室前", "快递柜旁", "西侧围墙", "商铺门前", "桥下", "十字路口", "老年活动中心"};
    private static final String[] MATTERS = {"路灯不亮", "污水井冒水", "垃圾清运不及时", "占道经营", "噪音扰民", "井盖缺失",
        "违章搭建", "树木倒伏", "道路破损", "楼道堆放杂物", "私接电线充电", "共享单车乱停", "积水严重", "暖气不热", "供水中断",
        "油烟扰民", "宠物扰民", "违规停车占用消防通道"};
    private static final String[] DETAILS = {"已经好几天了", "影响居民出行", "请尽快处理", "多次反映未解决", "存在安全隐患",
        "夜间尤其严重", "老人孩子经过很危险", "希望相关部门来看看", "物业说管不了", "上周打过电话", "雨天更厉害",
        "邻居都有意见", "拍了照片可以提供", "附近学校放学时人多", "味道很大", "晚上十点以后还在", "车都开不过去",
        "已经有人摔倒过", "", ""};
    private static final String[] WHEN = {"今天早上", "昨天晚上", "这两天", "从上周开始", "刚才", "最近一直", "每天傍晚", ""};
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "朱"};
    private static final String[] ALARMS = {"占道经营", "垃圾堆放", "车辆违停", "人员聚集", "烟火", "井盖缺失"};
    private static final String[] SENSORS = {"智慧井盖监测平台", "道路积水监测平台", "烟感报警平台", "燃气泄漏监测平台"};
    private static final String[] DEPARTMENTS = {"区城市管理委员会", "区生态环境局", "区住房和建设委员会", "区市场监督管理局", "区水务局"};

    private final Scenery scenery;
    private final Random random;
    private final String run;
    private final byte[] snapshot;
    private final Deque<SimulatedRequest> recent = new ArrayDeque<>();
    private final Deque<Matter> recentMatters = new ArrayDeque<>();
    private final Deque<String[]> recentAlarms = new ArrayDeque<>();
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, Scenery.Spot> byCode;
    private Supplier<? extends Collection<String>> focus = List::of;
    private double focusShare;
    private long serial;

    /// A matter someone reported: where and what, for a second citizen to report it again.
    private record Matter(Scenery.Spot spot, String place, String matter) {
    }

    /// `run` tells this run's numbers apart from another's (order numbers are unique per channel).
    public TrafficModel(Scenery scenery, long seed, String run) {
        this.scenery = scenery;
        this.random = new Random(seed);
        this.run = run;
        this.snapshot = Snapshots.jpeg(seed);
        this.byCode = scenery.grids().stream().collect(Collectors.toMap(Scenery.Spot::gridCode, Function.identity(), (a, b) -> a));
    }

    /// Places `share` of the matters citizens and systems report (8890, pushes) in the grids `grids`
    /// names at the time: the simulated workers' grids, so that they have reports to verify. The
    /// traffic stays deterministic for a seed as long as the grids named are.
    public void focusOn(Supplier<? extends Collection<String>> grids, double share) {
        if (!(share >= 0 && share <= 1)) {
            throw new IllegalArgumentException("a share is between 0 and 1");
        }
        this.focus = grids;
        this.focusShare = share;
    }

    private Scenery.Spot spot() {
        if (focusShare > 0 && random.nextDouble() < focusShare) {
            List<String> codes = List.copyOf(focus.get());
            Scenery.Spot focused = codes.isEmpty() ? null : byCode.get(pick(codes));
            if (focused != null) {
                return focused;
            }
        }
        return pick(scenery.grids());
    }

    /// The next request, at `now`.
    public SimulatedRequest next(Instant now) {
        double dice = random.nextDouble();
        SimulatedRequest request;
        if (dice < RESENT && recent.size() > RESEND_AFTER) {
            // a channel re-sends what went unanswered a while ago, not what it sent a moment ago
            List<SimulatedRequest> older = List.copyOf(recent).subList(0, recent.size() - RESEND_AFTER);
            SimulatedRequest again = pick(older);
            request = new SimulatedRequest(Kind.RESENT, again.channel(), again.path(), again.body());
        } else if (dice < RESENT + SAME_MATTER && !recentMatters.isEmpty()) {
            request = hotline(now, pick(List.copyOf(recentMatters)), Kind.SAME_MATTER);
        } else if (dice < RESENT + SAME_MATTER + BROKEN) {
            return broken(fresh(now));
        } else {
            request = fresh(now);
        }
        if (request.kind() != Kind.RESENT) {
            remember(recent, request, 200);
        }
        return request;
    }

    private SimulatedRequest fresh(Instant now) {
        double channel = random.nextDouble();
        if (channel < 0.50) {
            return hotline(now, matter(), Kind.NEW);
        } else if (channel < 0.70) {
            return gridReport(now);
        } else if (channel < 0.82 && !scenery.cameras().isEmpty()) {
            return videoAlarm(now);
        } else {
            return push(now, channel < 0.88 ? Channel.SMART_PUSH : channel < 0.94 ? Channel.DEPARTMENT_PUSH : Channel.GOVERNANCE_PLATFORM);
        }
    }

    private Matter matter() {
        Scenery.Spot spot = spot();
        return new Matter(spot, pick(SPOTS), pick(MATTERS));
    }

    private SimulatedRequest hotline(Instant now, Matter m, Kind kind) {
        ObjectNode body = json.createObjectNode();
        body.put("orderNo", "8890-" + run + "-" + (++serial));
        body.put("receivedAt", time(now.minusSeconds(random.nextInt(300))));
        ObjectNode caller = body.putObject("caller");
        caller.put("name", random.nextInt(4) == 0 ? "" : pick(SURNAMES) + (random.nextBoolean() ? "先生" : "女士"));
        caller.put("phone", phone());
        String number = (1 + random.nextInt(30)) + "号楼";
        String where = random.nextInt(10) < 6 ? m.spot().community() + number + m.place() : number + m.place();
        String detail = pick(DETAILS);
        body.put("content", (kind == Kind.SAME_MATTER ? "又有人反映：" : "") + pick(WHEN) + where + m.matter()
                + (detail.isEmpty() ? "" : "，" + detail));
        body.put("address", m.spot().community() + number + m.place());
        if (random.nextDouble() < 0.7) {
            point(body, m.spot(), kind == Kind.SAME_MATTER ? 0.0003 : 0.0008);
        }
        body.put("urgent", random.nextDouble() < 0.05);
        if (kind == Kind.NEW) {
            remember(recentMatters, m, 30);
        }
        return new SimulatedRequest(kind, Channel.HOTLINE_8890, "/api/v1/hotline/orders", body.toString());
    }

    private SimulatedRequest gridReport(Instant now) {
        Scenery.Spot spot = pick(scenery.grids());
        ObjectNode body = json.createObjectNode();
        body.put("reportId", "WG-" + run + "-" + (++serial));
        body.put("workerId", "W-" + spot.gridCode());
        body.put("reportedAt", time(now.minusSeconds(random.nextInt(120))));
        body.put("content", "巡查发现：" + spot.community() + pick(SPOTS) + pick(MATTERS));
        body.put("gridCode", spot.gridCode());
        point(body, spot, 0.0005);
        ArrayNode photos = body.putArray("photos");
        for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
            photos.add("https://wgt.example.cn/photos/" + run + "/" + serial + "-" + i + ".jpg");
        }
        if (random.nextDouble() < 0.6) {
            body.put("itemCode", pick(scenery.itemCodes()));
        }
        return new SimulatedRequest(Kind.NEW, Channel.GRID_APP, "/api/v1/grid/reports", body.toString());
    }

    private SimulatedRequest videoAlarm(Instant now) {
        boolean repeat = random.nextDouble() < REPEAT_ALARM && !recentAlarms.isEmpty();
        String[] alarm = repeat ? pick(List.copyOf(recentAlarms)) : new String[] {pick(scenery.cameras()).code(), pick(ALARMS)};
        if (!repeat) {
            remember(recentAlarms, alarm, 20);
        }
        ObjectNode body = json.createObjectNode();
        body.put("alarmId", "VA-" + run + "-" + (++serial));
        body.put("cameraCode", alarm[0]);
        body.put("alarmType", alarm[1]);
        body.put("confidence", Math.round((0.6 + 0.39 * random.nextDouble()) * 100) / 100.0);
        body.put("alarmAt", time(now.minusSeconds(random.nextInt(30))));
        body.put("snapshot", Base64.getEncoder().encodeToString(snapshot));
        return new SimulatedRequest(repeat ? Kind.REPEAT_ALARM : Kind.NEW, Channel.VIDEO, "/api/v1/video/alarms", body.toString());
    }

    private SimulatedRequest push(Instant now, Channel channel) {
        Scenery.Spot spot = spot();
        ObjectNode body = json.createObjectNode();
        body.put("pushId", "P-" + run + "-" + (++serial));
        body.put("source", switch (channel) {
            case SMART_PUSH -> pick(SENSORS);
            case DEPARTMENT_PUSH -> pick(DEPARTMENTS);
            default -> "津治通";
        });
        body.put("reportedAt", time(now.minusSeconds(random.nextInt(60))));
        body.put("content", spot.community() + pick(SPOTS) + pick(MATTERS));
        if (channel == Channel.DEPARTMENT_PUSH) {
            body.put("itemCode", pick(scenery.itemCodes()));
            body.put("address", spot.community() + pick(SPOTS));
        } else {
            body.put("gridCode", spot.gridCode());
            point(body, spot, 0.0005);
        }
        if (channel == Channel.GOVERNANCE_PLATFORM) {
            ObjectNode caller = body.putObject("caller");
            caller.put("name", pick(SURNAMES) + "女士");
            caller.put("phone", phone());
        }
        body.put("urgent", channel == Channel.SMART_PUSH && random.nextDouble() < 0.2);
        return new SimulatedRequest(Kind.NEW, channel, "/api/v1/pushes", body.toString());
    }

    /// Breaks a good request the way real senders do: a field left out, a phone mistyped, the
    /// point's longitude and latitude swapped, the body cut short.
    private SimulatedRequest broken(SimulatedRequest good) {
        String body = good.body();
        String bad = switch (random.nextInt(4)) {
            case 0 -> body.replaceFirst("\"(orderNo|reportId|alarmId|pushId)\":\"[^\"]*\",", "");
            case 1 -> body.replaceFirst("\"(receivedAt|reportedAt|alarmAt)\":\"[^\"]*\"", "\"$1\":\"昨天下午\"");
            case 2 -> body.replaceFirst("\"(content|alarmType|source)\":\"[^\"]*\"", "\"$1\":12345");
            default -> body.substring(0, body.length() / 2);
        };
        return new SimulatedRequest(Kind.BROKEN, good.channel(), good.path(), bad);
    }

    private void point(ObjectNode body, Scenery.Spot spot, double jitter) {
        ObjectNode point = body.putObject("point");
        point.put("lon", spot.lon() + (random.nextDouble() - 0.5) * jitter);
        point.put("lat", spot.lat() + (random.nextDouble() - 0.5) * jitter);
    }

    private String phone() {
        return "1" + (3 + random.nextInt(7)) + String.format("%09d", random.nextInt(1_000_000_000));
    }

    private static String time(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.ofHours(8)).withNano(0).toString();
    }

    private <T> T pick(List<T> from) {
        return from.get(random.nextInt(from.size()));
    }

    private String pick(String[] from) {
        return from[random.nextInt(from.length)];
    }

    private static <T> void remember(Deque<T> memory, T item, int size) {
        memory.addLast(item);
        if (memory.size() > size) {
            memory.removeFirst();
        }
    }
}

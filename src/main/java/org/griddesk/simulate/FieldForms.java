package org.griddesk.simulate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.griddesk.domain.visit.VisitFinding;

/// The bodies a simulated worker's phone posts to the workers' app: a visit (the time a few minutes
/// ago, a point at the household's door, findings from the fixed list with a note, sometimes a
/// photo), a verification of a report and an on-site check of a handled ticket (a point where the
/// ticket is, a note, a photo with a failed check). The caller's `random` makes every choice, so a
/// worker's posts are deterministic for its seed.
final class FieldForms {
    private static final double METRES_PER_DEGREE = 111_320;

    /// A body to post to `path`; `photo` when it carries one.
    record Form(String path, String body, boolean photo) {
    }

    /// Findings as a district's visits turn out: most households well, some not at home.
    private static final Map<VisitFinding, Double> FINDINGS = Map.of(VisitFinding.NORMAL, 0.62, VisitFinding.NOBODY_HOME, 0.10,
            VisitFinding.SERVICE_NEED, 0.08, VisitFinding.HEALTH_CHANGE, 0.06, VisitFinding.LIVING_HARDSHIP, 0.05,
            VisitFinding.SAFETY_HAZARD, 0.04, VisitFinding.DISPUTE, 0.03, VisitFinding.MOVED_AWAY, 0.02);
    private static final Map<VisitFinding, String[]> NOTES = Map.of(
            VisitFinding.NORMAL, new String[] {"老人身体尚好，生活能自理", "家中一切正常", "已告知社区服务电话", "孩子学习情况良好", ""},
            VisitFinding.NOBODY_HOME, new String[] {"敲门无人应答，已留联系卡", "邻居说外出就医，改日再访"},
            VisitFinding.SERVICE_NEED, new String[] {"老人想申请助餐服务", "希望帮助办理居家养老服务", "需要协助申请临时救助"},
            VisitFinding.HEALTH_CHANGE, new String[] {"近期血压偏高，已提醒按时服药", "腿脚不便，出行困难"},
            VisitFinding.LIVING_HARDSHIP, new String[] {"家中收入减少，生活较困难", "冬季取暖费用负担重"},
            VisitFinding.SAFETY_HAZARD, new String[] {"电线老化，存在用电隐患", "楼道堆放杂物，已劝其清理", "燃气软管老化"},
            VisitFinding.DISPUTE, new String[] {"与邻居因漏水问题有矛盾，已联系调解", "家庭内部有矛盾，已做疏导"},
            VisitFinding.MOVED_AWAY, new String[] {"已搬至子女家居住", "房屋已出租，本人已搬离"});
    private static final String[] VERIFIED = {"情况属实，位于楼栋东侧", "现场确认，情况属实", "属实，已拍照留存", "情况属实，影响居民通行"};
    private static final String[] NOT_THERE = {"现场未发现所述情况", "到场查看，情况已不存在", "经核实与描述不符"};
    private static final String[] PASSED_NOTES = {"现场已整改到位", "已处理完毕，居民满意", "", ""};
    private static final String[] FAILED_NOTES = {"现场仍未整改到位", "问题依旧存在，需再次处置", "只做了临时处理，仍有隐患", "居民反映处理不彻底"};

    private final FieldWorkers.Pace pace;
    private final List<String> photos = new ArrayList<>();
    private final ObjectMapper json = new ObjectMapper();

    /// `photoCount` small camera pictures made from `seed` to attach (none when no one will post)
    FieldForms(FieldWorkers.Pace pace, int photoCount, long seed) {
        this.pace = pace;
        for (int i = 0; i < photoCount; i++) {
            photos.add(Base64.getEncoder().encodeToString(Snapshots.jpeg(seed + 17 * i)));
        }
    }

    Form visit(Random random, String household, Scenery.Spot spot, int serial) {
        VisitFinding finding = finding(random);
        ObjectNode body = json.createObjectNode();
        body.put("household", household);
        // the phone posts a few minutes after the visit ends
        body.put("visitedAt", OffsetDateTime.ofInstant(Instant.now().minusSeconds(30 + random.nextInt(600)), ZoneOffset.ofHours(8))
                .withNano(0).toString());
        double[] at = nearHousehold(random, household, spot);
        point(body, at[0], at[1]);
        var findings = body.putArray("findings");
        findings.add(finding.name());
        if (finding == VisitFinding.NORMAL && random.nextDouble() < 0.1) {
            findings.add(VisitFinding.SERVICE_NEED.name());
        }
        String note = pick(random, NOTES.get(finding));
        if (!note.isEmpty()) {
            body.put("note", note);
        }
        boolean photo = finding != VisitFinding.NOBODY_HOME && random.nextDouble() < pace.photoRate();
        if (photo) {
            photo(random, body, "走访" + serial + ".jpg");
        }
        return new Form("/api/v1/worker/visits", body.toString(), photo);
    }

    Form verification(Random random, String code, boolean real, JsonNode ticket, Scenery.Spot spot) {
        ObjectNode body = json.createObjectNode();
        body.put("ticket", code);
        body.put("real", real);
        onSite(random, body, ticket, spot);
        body.put("note", pick(random, real ? VERIFIED : NOT_THERE));
        return new Form("/api/v1/worker/verifications", body.toString(), false);
    }

    Form check(Random random, String code, boolean passed, JsonNode ticket, Scenery.Spot spot, int serial) {
        ObjectNode body = json.createObjectNode();
        body.put("ticket", code);
        body.put("passed", passed);
        onSite(random, body, ticket, spot);
        String note = pick(random, passed ? PASSED_NOTES : FAILED_NOTES);
        if (!note.isEmpty()) {
            body.put("note", note);
        }
        boolean photo = !passed || random.nextDouble() < pace.photoRate();
        if (photo) {
            photo(random, body, "核查" + serial + ".jpg");
        }
        return new Form("/api/v1/worker/checks", body.toString(), photo);
    }

    private void photo(Random random, ObjectNode body, String name) {
        ObjectNode p = body.putArray("attachments").addObject();
        p.put("name", name);
        p.put("content", photos.get(random.nextInt(photos.size())));
    }

    /// The household's door: the same spot near the grid's middle for each visit (within about
    /// 40 m), and the phone's GPS a few metres off it.
    private static double[] nearHousehold(Random random, String household, Scenery.Spot spot) {
        Random door = new Random(household.hashCode());
        double lat = spot.lat() + (door.nextDouble() - 0.5) * 80 / METRES_PER_DEGREE + random.nextGaussian() * 4 / METRES_PER_DEGREE;
        double lon = spot.lon() + ((door.nextDouble() - 0.5) * 80 + random.nextGaussian() * 4)
                / (METRES_PER_DEGREE * Math.cos(Math.toRadians(spot.lat())));
        return new double[] {lon, lat};
    }

    /// Where the worker stands on site: at the ticket's point when it has one, else near the grid's middle.
    private static void onSite(Random random, ObjectNode body, JsonNode ticket, Scenery.Spot spot) {
        if (ticket.path("lon").isNumber() && ticket.path("lat").isNumber()) {
            double lat = ticket.path("lat").asDouble();
            point(body, ticket.path("lon").asDouble() + random.nextGaussian() * 5 / (METRES_PER_DEGREE * Math.cos(Math.toRadians(lat))),
                    lat + random.nextGaussian() * 5 / METRES_PER_DEGREE);
        } else if (spot != null) {
            point(body, spot.lon(), spot.lat());
        }
    }

    private static void point(ObjectNode body, double lon, double lat) {
        ObjectNode point = body.putObject("point");
        point.put("lon", Math.round(lon * 1e6) / 1e6);
        point.put("lat", Math.round(lat * 1e6) / 1e6);
    }

    private static VisitFinding finding(Random random) {
        double dice = random.nextDouble();
        for (VisitFinding f : VisitFinding.values()) {
            dice -= FINDINGS.get(f);
            if (dice < 0) {
                return f;
            }
        }
        return VisitFinding.NORMAL;
    }

    private static String pick(Random random, String[] from) {
        return from[random.nextInt(from.length)];
    }
}

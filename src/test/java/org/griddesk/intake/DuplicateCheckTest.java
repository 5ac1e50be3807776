package org.griddesk.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.griddesk.domain.ticket.DuplicateSuggestion;
import org.griddesk.domain.ticket.DuplicateSuggestion.Kind;
import org.junit.jupiter.api.Test;

class DuplicateCheckTest {
    private static final Instant NOON = Instant.parse("2026-11-26T04:00:00Z");

    private static RequestTraits request(long id, String text, Double lon, Double lat, String grid, String item, String phone,
                                         Instant at) {
        return new RequestTraits(id, "2611-" + id, at, lon, lat, grid, item, item == null ? null : item.substring(0, 2), phone,
                null, null, Bigrams.of(text));
    }

    @Test
    void bigramsCompareChineseTextWithoutSegmentingIt() {
        assertThat(Bigrams.dice(Bigrams.of("路灯不亮"), Bigrams.of("路灯不亮！"))).isEqualTo(1.0);
        assertThat(Bigrams.dice(Bigrams.of("小区门口路灯不亮"), Bigrams.of("门口的路灯坏了不亮"))).isBetween(0.3, 0.8);
        assertThat(Bigrams.dice(Bigrams.of("路灯不亮"), Bigrams.of("咨询医保政策"))).isZero();
        assertThat(Bigrams.dice(Bigrams.of(""), Bigrams.of("路灯"))).isZero();
        assertThat(Bigrams.of("A b")).as("case and spaces do not count").containsExactly(Bigrams.of("ab"));
    }

    @Test
    void theSameMatterNearbyIsSuggestedWithEveryReasonAndTheStrongestFirst() {
        DuplicateCheck check = new DuplicateCheck();
        check.put(request(1, "幸福路菜市场门口污水井冒水，臭味很大", 117.3000, 38.9000, "G1", "SZ01", "13900001111", NOON.minusSeconds(3600)));
        check.put(request(2, "幸福路菜市场门口污水井冒水", 117.3000, 38.9000, "G1", "SZ01", "13900002222", NOON.minusSeconds(600)));
        check.put(request(3, "咨询医保政策", 117.3000, 38.9000, "G1", null, null, NOON));
        List<DuplicateSuggestion> found = check.check(request(0, "菜市场门口污水井冒水，很臭", 117.3002, 38.9000, "G1", "SZ01",
                "13900001111", NOON));
        assertThat(found).extracting(DuplicateSuggestion::candidateId).containsExactly(1L, 2L);
        assertThat(found.getFirst().reasons()).extracting(DuplicateSuggestion.Reason::kind)
                .containsExactly(Kind.TEXT, Kind.SAME_CALLER, Kind.DISTANCE, Kind.HOURS_APART, Kind.SAME_ITEM);
        assertThat(found.getFirst().reasons().get(2).value()).as("metres apart").isBetween(15, 20);
        assertThat(found.getFirst().score()).isGreaterThan(found.get(1).score()).isLessThanOrEqualTo(1.0);
        assertThat(found.getFirst().reasonsZh()).contains("同一来电号码", "相距 17 米");
    }

    @Test
    void nearnessAndTimeAloneNeverMakeADuplicate() {
        DuplicateCheck check = new DuplicateCheck();
        check.put(request(1, "楼道堆放杂物", 117.3, 38.9, "G1", "SZ01", null, NOON));
        assertThat(check.check(request(0, "噪音扰民，深夜施工", 117.3, 38.9, "G1", null, null, NOON))).isEmpty();
        assertThat(check.check(request(0, "电动车乱停", 117.3, 38.9, "G1", "SZ01", null, NOON)))
                .as("the same item on the same spot within the hour is").hasSize(1);
        check.put(request(2, "噪音扰民，深夜施工", 117.40, 38.95, "G9", null, null, NOON.minusSeconds(10 * 86400)));
        assertThat(check.check(request(0, "噪音扰民，深夜施工", 117.3, 38.9, "G1", null, null, NOON)))
                .as("the same words far away and long ago are a weak match only").isEmpty();
    }

    @Test
    void theSameCameraAndAlarmTypeIsAStrongSign() {
        RequestTraits first = new RequestTraits(1, "2611-1", NOON, 117.3, 38.9, "G1", null, null, null, "GQ-1", "占道经营",
                Bigrams.of("视频告警：占道经营"));
        RequestTraits again = new RequestTraits(0, null, NOON.plusSeconds(3 * 3600), 117.3, 38.9, "G1", null, null, null, "GQ-1",
                "占道经营", Bigrams.of("视频告警：占道经营"));
        assertThat(DuplicateCheck.compare(again, first)).get().extracting(DuplicateSuggestion::reasonCodes)
                .isEqualTo("SAME_CAMERA,TEXT=100,DISTANCE=0,HOURS_APART=3");
        assertThat(DuplicateSuggestion.parseReasons("SAME_CAMERA,TEXT=100,DISTANCE=0,HOURS_APART=3"))
                .isEqualTo(DuplicateCheck.compare(again, first).orElseThrow().reasons());
    }

    @Test
    void theIndexesFindExactlyWhatComparingWithEveryOpenTicketWould() {
        Random random = new Random(5);
        String[] words = {"路灯", "不亮", "污水", "井盖", "冒水", "噪音", "扰民", "垃圾", "堆放", "门口", "小区", "菜市场", "停车", "占道"};
        String[] items = {"SZ01", "SZ02", "HJ01", null};
        DuplicateCheck check = new DuplicateCheck();
        List<RequestTraits> all = new ArrayList<>();
        for (int i = 1; i <= 3000; i++) {
            RequestTraits t = randomTraits(random, i, words, items);
            all.add(t);
            check.put(t);
        }
        for (int i = 0; i < 300; i++) {
            RequestTraits probe = randomTraits(random, 0, words, items);
            List<DuplicateSuggestion> everyOne = all.stream().map(c -> DuplicateCheck.compare(probe, c)).flatMap(Optional::stream)
                    .sorted(Comparator.comparingDouble(DuplicateSuggestion::score).reversed()
                            .thenComparing(DuplicateSuggestion::candidateId))
                    .limit(DuplicateCheck.MAX_SUGGESTIONS).toList();
            assertThat(check.check(probe)).isEqualTo(everyOne);
        }
        all.subList(0, 1000).forEach(t -> check.remove(t.id()));
        assertThat(check.size()).isEqualTo(2000);
    }

    private static RequestTraits randomTraits(Random random, long id, String[] words, String[] items) {
        StringBuilder text = new StringBuilder();
        for (int w = 0, n = 2 + random.nextInt(5); w < n; w++) {
            text.append(words[random.nextInt(words.length)]);
        }
        boolean point = random.nextInt(4) > 0;
        String camera = random.nextInt(10) == 0 ? "GQ-" + random.nextInt(20) : null;
        String item = items[random.nextInt(items.length)];
        return new RequestTraits(id, "2611-" + id, NOON.minusSeconds(random.nextInt(200_000)),
                point ? 117.30 + random.nextDouble() * 0.02 : null, point ? 38.90 + random.nextDouble() * 0.02 : null,
                "G" + random.nextInt(30), item, item == null ? null : item.substring(0, 2),
                random.nextInt(5) == 0 ? "1390000" + random.nextInt(50) : null, camera, camera == null ? null : "占道经营",
                Bigrams.of(text.toString()));
    }
}

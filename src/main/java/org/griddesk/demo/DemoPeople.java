package org.griddesk.demo;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/// Synthetic Chinese names and mobile numbers for demo people. Nothing real.
final class DemoPeople {
    private static final String SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文";
    private static final String GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国建华志强海燕玉兰红梅立新淑珍凤英学文宝华永刚金凤振华春燕晓东丽娟文静";
    private static final List<String> MOBILE_PREFIXES = List.of("130", "131", "132", "135", "136", "138", "139", "150", "151",
            "152", "155", "158", "176", "177", "180", "185", "186", "188", "189");

    private final Random random;
    private final Set<String> phones = new HashSet<>();

    DemoPeople(Random random) {
        this.random = random;
    }

    String name() {
        String surname = String.valueOf(SURNAMES.charAt(random.nextInt(SURNAMES.length())));
        int length = random.nextInt(3) == 0 ? 1 : 2;
        StringBuilder given = new StringBuilder();
        for (int i = 0; i < length; i++) {
            given.append(GIVEN.charAt(random.nextInt(GIVEN.length())));
        }
        return surname + given;
    }

    /// An 11-digit mobile number, unique among those made here.
    String phone() {
        while (true) {
            String prefix = MOBILE_PREFIXES.get(random.nextInt(MOBILE_PREFIXES.size()));
            String p = prefix + Integer.toString(100_000_000 + random.nextInt(100_000_000)).substring(1); // 8 digits, zero-padded
            if (phones.add(p)) {
                return p;
            }
        }
    }
}

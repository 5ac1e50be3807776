package org.griddesk.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PinyinTest {
    @Test
    void aPolyphoneMatchesByAnyOfItsReadings() {
        assertThat(Pinyin.matches("长江路", "cjl")).isTrue();
        assertThat(Pinyin.matches("长江路", "changjiang")).isTrue();
        assertThat(Pinyin.matches("长江路", "zhangjl")).isTrue();
        assertThat(Pinyin.matches("工商银行", "yh")).isTrue();
        assertThat(Pinyin.matches("银行", "yinhang")).isTrue();
        assertThat(Pinyin.matches("重庆道", "zhongqing")).isTrue();
        assertThat(Pinyin.matches("重庆道", "chongqing")).isTrue();
        assertThat(Pinyin.matches("重庆道", "cqd")).isTrue();
    }

    @Test
    void readingsAreNotMixedWithinOneCharacterNorSkipOne() {
        assertThat(Pinyin.matches("长江路", "chjl")).isTrue(); // a prefix of chang
        assertThat(Pinyin.matches("长江路", "cha" + "ngzhang")).isFalse(); // 长 read twice
        assertThat(Pinyin.matches("长江路", "cl")).isFalse(); // 江 skipped
        assertThat(Pinyin.matches("长江路", "zhoung")).isFalse();
        assertThat(Pinyin.matches("银行", "yx")).isTrue();
        assertThat(Pinyin.matches("银行", "yz")).isFalse();
    }

    @Test
    void aRunMayStartAnywhereAndTheLastSyllableMayStopShort() {
        assertThat(Pinyin.matches("津南区重庆道社区", "qingdaoshe")).isTrue();
        assertThat(Pinyin.matches("津南区重庆道社区", "chongq")).isTrue();
        assertThat(Pinyin.matches("津南区重庆道社区", "nanquzhongqing")).isTrue();
        assertThat(Pinyin.matches("金桥社区", "qiaosq")).isTrue();
    }

    @Test
    void aLongNameOfPolyphonesIsAnsweredWithoutTryingEveryCombination() {
        // 20 characters of two readings each: 2^20 spellings if combinations were tried one by one
        String name = "长行重长行重长行重长行重长行重长行重长行";
        assertThat(Pinyin.matches(name, "zhhzzhzhhzzhzhhzzhzhhzzhzhhzzhzhh" + "q")).isFalse();
        assertThat(Pinyin.matches(name, "chxczhhangchong")).isTrue();
    }
}

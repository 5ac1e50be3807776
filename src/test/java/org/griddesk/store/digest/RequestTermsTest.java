package org.griddesk.store.digest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/// Request texts segmented into words by SmartChinese: words, not characters or bigrams; no
/// punctuation, stop words, single characters or numbers.
class RequestTermsTest {
    private final RequestTerms terms = new RequestTerms();

    @Test
    void chineseIsSegmentedIntoWords() {
        assertThat(terms.of("市民反映：小区门口垃圾堆放三天无人清理，希望尽快处理！"))
                .contains("门口", "垃圾", "堆放", "清理")
                .doesNotContain("市民", "反映", "希望", "尽快", "处理", "小区", "，", "：", "！");
    }

    @Test
    void singleCharactersNumbersAndRepeatsAreLeftOut() {
        assertThat(terms.of("3号楼 噪音 噪音 扰民（第10网格）")).containsExactly("噪音", "扰民");
        assertThat(terms.of("")).isEmpty();
        assertThat(terms.of(null)).isEmpty();
    }
}

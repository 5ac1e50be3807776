package org.griddesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class BlindIndexTest {
    private final DataKey key = DataKey.generate(new SecureRandom(), null);
    private final BlindIndex index = new BlindIndex(key);

    @Test
    void everySpellingOfAPhoneHasOneIndex() {
        String plain = index.of("13800138000");
        assertThat(plain).hasSize(BlindIndex.LENGTH).matches("[0-9a-f]+");
        assertThat(index.of("138 0013 8000")).isEqualTo(plain);
        assertThat(index.of("138-0013-8000")).isEqualTo(plain);
        assertThat(index.of("+86 138 0013 8000")).isEqualTo(plain);
        assertThat(index.of("0086 13800138000")).isEqualTo(plain);
        assertThat(index.of("8613800138000")).isEqualTo(plain);
    }

    @Test
    void differentPhonesHaveDifferentIndexes() {
        assertThat(index.of("13800138000")).isNotEqualTo(index.of("13800138001"));
        assertThat(index.of("022-28391234")).isNotEqualTo(index.of("13800138000"));
    }

    @Test
    void theIndexDependsOnTheKeyAndIsNoPlainHash() {
        BlindIndex other = new BlindIndex(DataKey.generate(new SecureRandom(), null));
        assertThat(other.of("13800138000")).isNotEqualTo(index.of("13800138000"));
        assertThat(index.of("13800138000")).doesNotContain("13800138000");
    }

    @Test
    void aRotatedKeyKeepsTheIndex() {
        DataKey next = DataKey.generate(new SecureRandom(), key.indexKey());
        assertThat(new BlindIndex(next).of("13800138000")).isEqualTo(index.of("13800138000"));
    }

    @Test
    void normalisingKeepsLocalNumbersAndDropsTheCountryCode() {
        assertThat(BlindIndex.normalise("022-2839 1234")).isEqualTo("02228391234");
        assertThat(BlindIndex.normalise("+86 (138) 0013-8000")).isEqualTo("13800138000");
        assertThat(BlindIndex.normalise("１３８００１３８０００")).isEqualTo("13800138000");
        assertThat(index.of("--")).isNull();
    }
}

package org.griddesk.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/// An Open311 token names a request to whoever holds it: it must not be guessed. 26 characters of 32
/// (130 bits) from `SecureRandom`, URL-safe, after the prefix `O311-`.
class Open311TokenTest {
    @Test
    void tokensAreLongUrlSafeAndNeverRepeat() {
        Set<String> tokens = new HashSet<>();
        List<Set<Character>> perPosition = new ArrayList<>();
        for (int p = 0; p < Open311Request.TOKEN_LENGTH; p++) {
            perPosition.add(new HashSet<>());
        }
        for (int i = 0; i < 1000; i++) {
            String token = Open311Request.token();
            assertThat(token).matches("O311-[A-HJ-NP-Z2-9]{26}");
            tokens.add(token);
            String random = token.substring(Open311Request.TOKEN_PREFIX.length());
            for (int p = 0; p < random.length(); p++) {
                perPosition.get(p).add(random.charAt(p));
            }
        }
        assertThat(tokens).as("1,000 tokens, all different").hasSize(1000);
        assertThat(perPosition).as("every position takes every one of the 32 characters")
                .allSatisfy(characters -> assertThat(characters).hasSize(32));
        assertThat(Math.log(32) / Math.log(2) * Open311Request.TOKEN_LENGTH).as("bits").isGreaterThanOrEqualTo(128);
    }
}

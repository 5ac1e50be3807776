package org.griddesk.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
    @Test
    void eachKeyHasItsBurstThenItsRateAndKeysDoNotShare() {
        AtomicLong now = new AtomicLong(0);
        RateLimiter limiter = new RateLimiter(2, 3, now::get); // 2 a second, bursts of 3
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.tryAcquire("a")).as("burst " + i).isTrue();
        }
        assertThat(limiter.tryAcquire("a")).isFalse();
        assertThat(limiter.secondsToWait("a")).isEqualTo(1);
        assertThat(limiter.tryAcquire("b")).as("another key is not slowed").isTrue();

        now.addAndGet(500_000_000); // half a second: one token back
        assertThat(limiter.tryAcquire("a")).isTrue();
        assertThat(limiter.tryAcquire("a")).isFalse();
        now.addAndGet(60_000_000_000L); // a long pause refills to the burst, not beyond
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.tryAcquire("a")).isTrue();
        }
        assertThat(limiter.tryAcquire("a")).isFalse();
        assertThatThrownBy(() -> new RateLimiter(0, 1, now::get)).isInstanceOf(IllegalArgumentException.class);
    }
}

package org.griddesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/// RFC 6238 Appendix B's SHA-1 vectors (8 digits there; the six-digit code is the same number's
/// last six), and the window of one step either side.
class TotpTest {
    /// the RFC's SHA-1 seed: ASCII "12345678901234567890"
    private static final byte[] SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest
    @CsvSource({"59, 94287082", "1111111109, 07081804", "1111111111, 14050471", "1234567890, 89005924",
            "2000000000, 69279037", "20000000000, 65353130"})
    void theRfcVectorsHold(long seconds, String eightDigits) {
        assertThat(Totp.code(SEED, seconds / 30, 8)).isEqualTo(eightDigits);
        String secret = Totp.base32(SEED);
        assertThat(Totp.codeAt(secret, Instant.ofEpochSecond(seconds))).isEqualTo(eightDigits.substring(2));
        assertThat(Totp.matches(secret, eightDigits.substring(2), Instant.ofEpochSecond(seconds))).isTrue();
    }

    @Test
    void aCodeHoldsOneStepEitherSideAndNoFurther() {
        String secret = Totp.newSecret();
        Instant t = Instant.parse("2026-11-23T01:00:15Z");
        String code = Totp.codeAt(secret, t);

        assertThat(Totp.matches(secret, code, t.plusSeconds(30))).isTrue();
        assertThat(Totp.matches(secret, code, t.minusSeconds(30))).isTrue();
        assertThat(Totp.matches(secret, code, t.plusSeconds(60))).isFalse();
        assertThat(Totp.matches(secret, code, t.minusSeconds(60))).isFalse();
        assertThat(Totp.matches(secret, "12345", t)).isFalse();
        assertThat(Totp.matches(secret, null, t)).isFalse();
    }

    @Test
    void base32RoundTripsAndSecretsAreOneHundredSixtyBits() {
        assertThat(Totp.base32(SEED)).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
        assertThat(Totp.fromBase32("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ")).isEqualTo(SEED);
        assertThat(Totp.fromBase32(Totp.newSecret())).hasSize(20);
        assertThat(Totp.provisioningUri("GridDesk", "wang", "ABC")).startsWith("otpauth://totp/GridDesk%3Awang?secret=ABC");
    }
}

package org.griddesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.griddesk.security.PasswordHasher.Cost;
import org.junit.jupiter.api.Test;

class PasswordHasherTest {
    private final PasswordHasher hasher = new PasswordHasher(Cost.TEST);

    @Test
    void aHashVerifiesItsPasswordAndNoOther() {
        String hash = hasher.hash("Wang#2026a".toCharArray());

        assertThat(hasher.verify("Wang#2026a".toCharArray(), hash)).isTrue();
        assertThat(hasher.verify("Wang#2026b".toCharArray(), hash)).isFalse();
        assertThat(hasher.verify("".toCharArray(), hash)).isFalse();
    }

    @Test
    void theEncodedStringNamesTheAlgorithmAndItsParametersAndIsSaltedAfresh() {
        String a = hasher.hash("同一个密码Aa1".toCharArray());
        String b = hasher.hash("同一个密码Aa1".toCharArray());

        assertThat(a).startsWith("$argon2id$v=19$m=1024,t=1,p=1$").doesNotContain("同一个密码");
        assertThat(a).isNotEqualTo(b);
        assertThat(new PasswordHasher(Cost.DEFAULT).cost()).isEqualTo(new Cost(65536, 2, 1));
    }

    @Test
    void aHashMadeWithOtherParametersStillVerifiesAndIsMarkedOutdated() {
        PasswordHasher stronger = new PasswordHasher(new Cost(2048, 2, 1));
        String old = hasher.hash("Wang#2026a".toCharArray());

        assertThat(stronger.verify("Wang#2026a".toCharArray(), old)).isTrue();
        assertThat(stronger.outdated(old)).isTrue();
        assertThat(hasher.outdated(old)).isFalse();
    }

    @Test
    void theHashIsArgon2idAsBouncyCastleComputesIt() {
        String encoded = hasher.hash("Wang#2026a".toCharArray());
        String[] parts = encoded.split("\\$");
        byte[] salt = java.util.Base64.getDecoder().decode(parts[4]);
        byte[] expected = new byte[32];
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id).withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(1024).withIterations(1).withParallelism(1).withSalt(salt).build());
        generator.generateBytes("Wang#2026a".getBytes(java.nio.charset.StandardCharsets.UTF_8), expected);

        assertThat(java.util.Base64.getDecoder().decode(parts[5])).isEqualTo(expected);
        assertThat(HexFormat.of().formatHex(expected)).hasSize(64);
    }

    @Test
    void stringsThatAreNoHashOfOursNeverVerify() {
        for (String bad : new String[] {null, "", "plain", "$argon2i$v=19$m=1024,t=1,p=1$AAAAAAAAAAAAAAAAAAAAAA$AAAA",
                "$argon2id$v=19$m=x,t=1,p=1$AAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAA", "$argon2id$v=19$m=1024,t=1,p=1$onlysalt"}) {
            assertThat(hasher.verify("x".toCharArray(), bad)).as(String.valueOf(bad)).isFalse();
        }
    }
}

package org.griddesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class PersonalDataCipherTest {
    private final SecureRandom random = new SecureRandom();
    private final DataKey key = DataKey.generate(random, null);
    private final PersonalDataCipher cipher = new PersonalDataCipher(DataKeyRing.of(key));

    @Test
    void aSealedNameOpensToItselfAndShowsNothingOfIt() {
        String sealed = cipher.seal(PersonalField.CALLER_NAME, "张晓华");

        assertThat(sealed).startsWith("1:" + key.id() + ":").doesNotContain("张").doesNotContain("晓华");
        assertThat(PersonalDataCipher.isSealed(sealed)).isTrue();
        assertThat(cipher.open(PersonalField.CALLER_NAME, sealed)).isEqualTo(new Opened.Text("张晓华"));
    }

    @Test
    void theSameTextSealsDifferentlyEachTime() {
        assertThat(cipher.seal(PersonalField.CALLER_PHONE, "13800138000"))
                .isNotEqualTo(cipher.seal(PersonalField.CALLER_PHONE, "13800138000"));
    }

    @Test
    void aChangedByteIsRefused() {
        String sealed = cipher.seal(PersonalField.CALLER_PHONE, "13800138000");
        String[] parts = sealed.split(":");
        byte[] body = Base64.getDecoder().decode(parts[2]);
        body[14] ^= 1;
        String tampered = parts[0] + ":" + parts[1] + ":" + Base64.getEncoder().encodeToString(body);

        assertThat(cipher.open(PersonalField.CALLER_PHONE, tampered)).isEqualTo(new Opened.Unreadable(Opened.Why.DAMAGED));
    }

    @Test
    void aValueMovedToAnotherColumnDoesNotOpen() {
        String sealedPhone = cipher.seal(PersonalField.CALLER_PHONE, "13800138000");

        assertThat(cipher.open(PersonalField.HOUSEHOLD_PHONE, sealedPhone)).isEqualTo(new Opened.Unreadable(Opened.Why.DAMAGED));
    }

    @Test
    void anotherKeyOfTheSameIdDoesNotOpenIt() {
        String sealed = cipher.seal(PersonalField.CALLER_NAME, "李四");
        DataKey other = DataKey.generate(random, null);
        DataKey sameIdOtherBytes = new DataKey(key.id(), other.sealingKey(), other.indexKey());

        assertThat(new PersonalDataCipher(DataKeyRing.of(sameIdOtherBytes)).open(PersonalField.CALLER_NAME, sealed))
                .isEqualTo(new Opened.Unreadable(Opened.Why.DAMAGED));
    }

    @Test
    void aValueOfAKeyTheRingDoesNotHoldIsUnreadableForThatReason() {
        String sealed = cipher.seal(PersonalField.CALLER_NAME, "李四");

        assertThat(new PersonalDataCipher(DataKeyRing.of(DataKey.generate(random, null))).open(PersonalField.CALLER_NAME, sealed))
                .isEqualTo(new Opened.Unreadable(Opened.Why.UNKNOWN_KEY));
    }

    @Test
    void aRotatedRingOpensWhatTheOlderKeySealed() {
        String sealed = cipher.seal(PersonalField.HOUSEHOLD_ADDRESS, "咸水沽镇福田里 3-2-101");
        DataKeyRing rotated = cipher.ring().rotatedTo(DataKey.generate(random, key.indexKey()));

        assertThat(new PersonalDataCipher(rotated).open(PersonalField.HOUSEHOLD_ADDRESS, sealed))
                .isEqualTo(new Opened.Text("咸水沽镇福田里 3-2-101"));
        assertThat(PersonalDataCipher.keyIdOf(new PersonalDataCipher(rotated).seal(PersonalField.HOUSEHOLD_ADDRESS, "x")))
                .isEqualTo(rotated.current().id()).isNotEqualTo(key.id());
    }

    @Test
    void textStoredBeforeSealingIsNotTakenForSealed() {
        assertThat(PersonalDataCipher.isSealed("13800138000")).isFalse();
        assertThat(PersonalDataCipher.isSealed("王五")).isFalse();
        assertThat(cipher.open(PersonalField.CALLER_NAME, null)).isEqualTo(Opened.ABSENT);
    }

    @Test
    void aKeyNeverShowsInText() {
        assertThat(key.toString()).isEqualTo("DataKey[" + key.id() + "]");
        assertThat(new Opened.Text("13800138000").toString()).doesNotContain("138");
    }
}

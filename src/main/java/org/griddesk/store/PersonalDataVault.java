package org.griddesk.store;

import org.griddesk.security.BlindIndex;
import org.griddesk.security.DataKeyRing;
import org.griddesk.security.Opened;
import org.griddesk.security.PersonalDataCipher;
import org.griddesk.security.PersonalField;
import org.jooq.Configuration;
import org.jooq.DSLContext;

/// What a store's repositories seal personal data with and open it by: the desk's data key ring, or
/// none. Without a key nothing personal is written (the write is refused: plain text must never
/// reach the store) and what is read is [Opened.Unreadable] `NO_KEY`, which the desk shows as
/// "personal data cannot be shown".
///
/// A [Database] carries its vault in its jOOQ configuration ([Database#usePersonalData]), so that
/// every repository made from `db.dsl()`, and every transaction derived from it, finds it by [#of].
public final class PersonalDataVault {
    static final String CONFIGURATION_KEY = "org.griddesk.personalData";
    private static final PersonalDataVault NONE = new PersonalDataVault(null, false);

    private final PersonalDataCipher cipher;
    private final BlindIndex phoneIndex;
    /// measurement only: values pass through unsealed ([#unsealedForBenchmarks])
    private final boolean unsealed;

    private PersonalDataVault(PersonalDataCipher cipher, boolean unsealed) {
        this.cipher = cipher;
        this.unsealed = unsealed;
        this.phoneIndex = cipher == null ? null : new BlindIndex(cipher.ring().current());
    }

    /// A vault that stores personal data IN CLEAR, with the normalised phone as its "index": only
    /// the sealed-intake benchmark's baseline uses it, to measure what sealing costs on the same
    /// traffic. No setting selects it and nothing in the application calls it.
    public static PersonalDataVault unsealedForBenchmarks() {
        return new PersonalDataVault(null, true);
    }

    public static PersonalDataVault none() {
        return NONE;
    }

    public static PersonalDataVault of(DataKeyRing ring) {
        return new PersonalDataVault(new PersonalDataCipher(ring), false);
    }

    /// The vault of the store `dsl` belongs to; none when it was given none.
    public static PersonalDataVault of(DSLContext dsl) {
        return of(dsl.configuration());
    }

    public static PersonalDataVault of(Configuration configuration) {
        return configuration.data(CONFIGURATION_KEY) instanceof PersonalDataVault v ? v : NONE;
    }

    public boolean hasKey() {
        return cipher != null || unsealed;
    }

    /// The ring, for a rotation; throws without a key.
    public DataKeyRing ring() {
        return requireKey().ring();
    }

    /// The id of the key new values are sealed with, or null without a key.
    public String currentKeyId() {
        return cipher == null ? null : cipher.ring().current().id();
    }

    /// The text sealed for its column; null stays null. Throws [NoDataKeyException] without a key.
    public String seal(PersonalField field, String text) {
        if (text == null || unsealed) {
            return text;
        }
        return requireKey().seal(field, text);
    }

    /// What a stored value says: text sealed before this store had keys (an upgraded store, until
    /// [PersonalDataSweep] has run) is taken as it is.
    public Opened open(PersonalField field, String stored) {
        if (stored == null) {
            return Opened.ABSENT;
        }
        if (!PersonalDataCipher.isSealed(stored)) {
            return new Opened.Text(stored);
        }
        return cipher == null ? new Opened.Unreadable(Opened.Why.NO_KEY) : cipher.open(field, stored);
    }

    /// The blind index of a phone, or null without a key or without digits.
    public String phoneIndex(String phone) {
        if (unsealed) {
            return BlindIndex.normalise(phone);
        }
        return phoneIndex == null ? null : phoneIndex.of(phone);
    }

    /// The blind index of a caller's name ([BlindIndex#ofName]), or null without a key or for a blank name.
    public String nameIndex(String name) {
        if (unsealed) {
            String folded = BlindIndex.normaliseName(name);
            return folded.isEmpty() ? null : folded;
        }
        return phoneIndex == null ? null : phoneIndex.ofName(name);
    }

    private PersonalDataCipher requireKey() {
        if (cipher == null) {
            throw new NoDataKeyException();
        }
        return cipher;
    }

    /// Personal data was to be written on a store whose desk has no data key.
    public static final class NoDataKeyException extends IllegalStateException {
        public NoDataKeyException() {
            super("this desk has no data key (keys/personal-data.key): personal data cannot be stored or shown");
        }
    }
}

package org.griddesk.testsupport;

import java.security.SecureRandom;
import org.griddesk.security.DataKey;
import org.griddesk.security.DataKeyRing;
import org.griddesk.store.Database;
import org.griddesk.store.PersonalDataVault;

/// One data key for the whole test run, as every desk of a command centre shares the key file:
/// stores opened by tests seal personal data with it ([Database#usePersonalData]).
public final class TestDataKeys {
    public static final DataKeyRing RING = DataKeyRing.of(DataKey.generate(new SecureRandom(), null));

    private TestDataKeys() {
    }

    public static PersonalDataVault vault() {
        return PersonalDataVault.of(RING);
    }

    public static Database attach(Database db) {
        return db.usePersonalData(vault());
    }
}

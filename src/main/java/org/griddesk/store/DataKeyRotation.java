package org.griddesk.store;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.Map;
import org.griddesk.security.DataKey;
import org.griddesk.security.DataKeyFile;
import org.griddesk.security.DataKeyRing;

/// A rotation of the data key, in an order that a crash at any point survives: (1) the file gets the
/// new current key next to the old ones, (2) every row is re-sealed with it in batches (a cut-short
/// run is resumed by the next rotation or start), (3) the older keys leave the file once no row is
/// sealed with them. The blind-index key is kept, so phones are found throughout.
public final class DataKeyRotation {
    private DataKeyRotation() {
    }

    /// Rotates the key of `file` (holding `old`) and re-seals the store `db`; returns the ring now in the file.
    public static DataKeyRing rotate(Database db, DataKeyFile file, DataKeyRing old) throws IOException {
        DataKeyRing rotated = old.rotatedTo(DataKey.generate(new SecureRandom(), old.current().indexKey()));
        file.replace(rotated);
        db.usePersonalData(PersonalDataVault.of(rotated));
        new PersonalDataSweep(db.dsl()).sealAll();
        Map<String, Integer> left = PersonalDataSweep.rowsPerKey(db.dsl());
        boolean olderUnused = rotated.ids().stream().filter(id -> !id.equals(rotated.current().id()))
                .allMatch(id -> left.getOrDefault(id, 0) == 0);
        if (olderUnused) {
            file.replace(rotated.currentOnly());
            return rotated.currentOnly();
        }
        return rotated;
    }
}

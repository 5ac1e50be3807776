package org.griddesk.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataKeyFileTest {
    @TempDir
    Path dataFolder;

    private final SecureRandom random = new SecureRandom();

    @Test
    void aNewFileIsTheOwnersOnlyAndReadsBackItsRing() throws Exception {
        DataKeyFile file = DataKeyFile.in(dataFolder);
        DataKeyRing ring = file.create(DataKeyRing.of(DataKey.generate(random, null)));

        assertThat(file.path()).isEqualTo(dataFolder.resolve("keys/personal-data.key"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.path()))).isEqualTo("rw-------");
        DataKeyRing read = file.read();
        assertThat(read.current()).isEqualTo(ring.current());
        assertThat(read.ids()).containsExactly(ring.current().id());
    }

    @Test
    void anExistingFileIsNeverReplacedByInit() throws Exception {
        DataKeyFile file = DataKeyFile.in(dataFolder);
        DataKeyRing first = file.create(DataKeyRing.of(DataKey.generate(random, null)));

        assertThatThrownBy(() -> file.create(DataKeyRing.of(DataKey.generate(random, null))))
                .isInstanceOf(FileAlreadyExistsException.class);
        assertThat(file.read().current()).isEqualTo(first.current());
    }

    @Test
    void aFileOthersMayReadIsRefusedWithWhatToDo() throws Exception {
        DataKeyFile file = DataKeyFile.in(dataFolder);
        file.create(DataKeyRing.of(DataKey.generate(random, null)));
        Files.setPosixFilePermissions(file.path(), PosixFilePermissions.fromString("rw-r--r--"));

        assertThatThrownBy(file::read).isInstanceOf(DataKeyFile.KeyFileException.class)
                .hasMessageContaining("may be read by others").hasMessageContaining("chmod 600");
    }

    @Test
    void aRotatedRingKeepsTheOlderKeysAndTheOwnerOnlyMode() throws Exception {
        DataKeyFile file = DataKeyFile.in(dataFolder);
        DataKeyRing ring = file.create(DataKeyRing.of(DataKey.generate(random, null)));
        DataKeyRing rotated = ring.rotatedTo(DataKey.generate(random, ring.current().indexKey()));
        file.replace(rotated);

        DataKeyRing read = file.read();
        assertThat(read.current()).isEqualTo(rotated.current());
        assertThat(read.find(ring.current().id())).contains(ring.current());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.path()))).isEqualTo("rw-------");
        assertThat(Files.readString(file.path())).doesNotContain("new");
    }

    @Test
    void aDamagedFileSaysSo() throws Exception {
        DataKeyFile file = DataKeyFile.in(dataFolder);
        file.create(DataKeyRing.of(DataKey.generate(random, null)));
        Files.writeString(file.path(), "current=kabcd\nindex=AAAA\n");

        assertThatThrownBy(file::read).isInstanceOf(DataKeyFile.KeyFileException.class).hasMessageContaining("damaged");
    }
}

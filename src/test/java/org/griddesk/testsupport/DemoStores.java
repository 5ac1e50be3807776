package org.griddesk.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Stream;
import org.griddesk.demo.DemoDistrictGenerator;
import org.griddesk.demo.DemoDistrictLoader;
import org.griddesk.security.DataKeyFile;
import org.griddesk.store.DataKeySetup;
import org.griddesk.store.Database;
import org.griddesk.store.DatabaseSettings;
import org.griddesk.store.ThreadGuard;

/// Embedded stores holding the demo district (no ticket history), made once per test JVM and copied
/// into each new data folder a fixture asks for: loading the district takes seconds, copying its
/// file a few milliseconds. The copy is what loading would have made (same seed, same migrations);
/// its personal data is sealed either with the run's [TestDataKeys] or with a key file that comes
/// with it into the folder, as a second desk of the same centre is given the key file.
public final class DemoStores {
    /// How the copied store's personal data is sealed.
    public enum Keys {
        /// with [TestDataKeys#RING] (the caller attaches it)
        TEST_RING,
        /// with the data folder's own key file (`keys/personal-data.key`), copied along
        KEY_FILE
    }

    private static final Map<Keys, Path> TEMPLATES = new EnumMap<>(Keys.class);

    private DemoStores() {
    }

    /// Puts the demo district into `dataFolder`'s embedded store when it has none yet; nothing when
    /// its file exists. Returns whether it did.
    public static boolean seed(Path dataFolder, Keys keys) {
        DatabaseSettings settings = DatabaseSettings.embeddedH2(dataFolder);
        if (!settings.isNewEmbeddedFile()) {
            return false;
        }
        Path template = template(keys);
        try {
            Path file = Path.of(settings.embeddedFile().orElseThrow() + ".mv.db");
            Files.createDirectories(file.getParent());
            Files.copy(storeFile(template), file);
            if (keys == Keys.KEY_FILE) {
                Path key = dataFolder.resolve(DataKeyFile.RELATIVE_PATH);
                Files.createDirectories(key.getParent());
                Files.copy(template.resolve(DataKeyFile.RELATIVE_PATH), key, StandardCopyOption.COPY_ATTRIBUTES);
            }
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static synchronized Path template(Keys keys) {
        return TEMPLATES.computeIfAbsent(keys, DemoStores::make);
    }

    private static Path make(Keys keys) {
        try {
            Path folder = Files.createTempDirectory("griddesk-demo-store-");
            Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(() -> delete(folder)));
            try (Database db = Database.open(DatabaseSettings.embeddedH2(folder), ThreadGuard.NONE)) {
                db.migrate();
                if (keys == Keys.KEY_FILE) {
                    DataKeySetup.attach(db, folder);
                } else {
                    TestDataKeys.attach(db);
                }
                DemoDistrictLoader.loadIfEmpty(db, DemoDistrictGenerator.DEFAULT_SEED, 0, Instant.now(), step -> { });
            }
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /// the template's folder, as the test JVM ends (about 50 MB each)
    private static void delete(Path folder) {
        try (Stream<Path> all = Files.walk(folder)) {
            all.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a leftover in the temp folder is no reason to fail a run
        }
    }

    private static Path storeFile(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder.resolve("db"))) {
            return files.filter(f -> f.getFileName().toString().endsWith(".mv.db")).findFirst()
                    .orElseThrow(() -> new IOException("the template store has no file in " + folder));
        }
    }
}

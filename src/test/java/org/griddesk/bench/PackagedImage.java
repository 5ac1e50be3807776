package org.griddesk.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/// An application image as `installer/build-package.sh` makes it (`target/dist/GridDesk`), and
/// copies of it that differ only in the launcher's configuration: the same runtime and jars (hard
/// links, nothing copied), with the AOT cache or the CDS archive switched off in `GridDesk.cfg`. The
/// JVM refuses `-Xshare:off` next to the cfg's `-XX:AOTCache`, so the variants cannot be made with
/// `JAVA_TOOL_OPTIONS`.
record PackagedImage(Path root) {
    private static final String AOT_OPTION = "java-options=-XX:AOTCache=";

    PackagedImage {
        if (!Files.isExecutable(root.resolve("bin").resolve("GridDesk")) || !Files.isRegularFile(cfg(root))) {
            throw new IllegalArgumentException("not a GridDesk application image (bin/GridDesk, lib/app/GridDesk.cfg): " + root);
        }
    }

    Path launcher() {
        return root.resolve("bin").resolve("GridDesk");
    }

    boolean hasAotCache() {
        return cfgLines().stream().anyMatch(line -> line.startsWith(AOT_OPTION));
    }

    /// The image without its AOT cache: the JDK's default CDS archive (jlink) still used.
    PackagedImage withoutAotCache(Path dest) {
        return variant(dest, List.of());
    }

    /// The image with no archive at all: no AOT cache and class data sharing off.
    PackagedImage withoutArchives(Path dest) {
        return variant(dest, List.of("java-options=-Xshare:off"));
    }

    private PackagedImage variant(Path dest, List<String> extraOptions) {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path copy = dest.resolve(root.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else if (!file.equals(cfg(root))) {
                    Files.createLink(copy, file);
                }
            }
            List<String> lines = new ArrayList<>();
            for (String line : cfgLines()) {
                if (!line.startsWith(AOT_OPTION)) {
                    lines.add(line);
                }
                if (line.equals("[JavaOptions]")) {
                    lines.addAll(extraOptions);
                }
            }
            Files.write(cfg(dest), lines, StandardCharsets.UTF_8);
            return new PackagedImage(dest);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a variant of " + root + " in " + dest, e);
        }
    }

    private List<String> cfgLines() {
        try {
            return Files.readAllLines(cfg(root), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path cfg(Path image) {
        return image.resolve("lib").resolve("app").resolve("GridDesk.cfg");
    }
}

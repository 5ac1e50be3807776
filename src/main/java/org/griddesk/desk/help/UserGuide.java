package org.griddesk.desk.help;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.griddesk.ui.Language;
import org.griddesk.ui.SystemOpener;
import org.griddesk.ui.TaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// 帮助 → 使用指南: the user guide (`docs/guide/`, packed in the jar as `guide/`) opened in the
/// system's browser, offline. Its pages and pictures are copied once per run to a folder of the
/// desk's own (owner-only) and the page of the desk's language is handed to the browser.
public final class UserGuide {
    private static final Logger log = LoggerFactory.getLogger(UserGuide.class);
    static final String ROOT = "/guide/";

    private final TaskExecutor executor;
    private Path copied;

    public UserGuide(TaskExecutor executor) {
        this.executor = executor;
    }

    /// Opens the guide in `language` (off the FX thread).
    public void open(Language language) {
        executor.submit(() -> {
            Path page = folder().resolve(language == Language.EN ? "en.html" : "index.html");
            SystemOpener.open(page.toUri().toString());
            return page;
        }, page -> log.info("user guide opened: {}", page), failure -> log.warn("the user guide could not be opened", failure));
    }

    /// The guide's files, copied out of the jar on first use.
    synchronized Path folder() throws IOException {
        if (copied == null) {
            Path folder = Files.createTempDirectory("griddesk-guide-");
            for (String name : contents()) {
                Path target = folder.resolve(name);
                Files.createDirectories(target.getParent());
                try (InputStream in = resource(name)) {
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
                target.toFile().deleteOnExit();
            }
            copied = folder;
        }
        return copied;
    }

    /// The guide's files as its `contents.txt` lists them.
    static List<String> contents() throws IOException {
        try (InputStream in = resource("contents.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        }
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = UserGuide.class.getResourceAsStream(ROOT + name);
        if (in == null) {
            throw new UncheckedIOException(new IOException("the guide has no " + name + " (built without docs/guide?)"));
        }
        return in;
    }
}

package org.griddesk.app;

import java.nio.file.Path;

/// Everything the desk window needs to start.
///
/// @param boot           data folder and settings
/// @param startupReport  where to write start-up timings (benchmarks), or null
/// @param jvmStartMillis when the JVM started, for the start-up figure
public record DeskLaunch(Bootstrap boot, Path startupReport, long jvmStartMillis) {
}

package org.griddesk.app;

import java.nio.file.Path;

/// Where a benchmark or an AOT training run wants the desk's start-up timings, and when the desk
/// writes them and exits: once the store is ready (the window's start-up), or once the district
/// is whole in the store, which on a first start means generated with its two years of history.
///
/// @param file                where the timings go (a flat JSON object of milliseconds after JVM start)
/// @param untilDistrictWhole  wait for the district to be whole instead of the store to be ready
public record StartupReport(Path file, boolean untilDistrictWhole) {
}

package org.griddesk.app;

import org.griddesk.demo.DemoDistrictGenerator;
import org.griddesk.demo.DemoHistoryGenerator;

/// Everything the desk window needs to start.
///
/// @param boot           data folder and settings
/// @param startupReport  where and when to write start-up timings (benchmarks, AOT training), or null
/// @param jvmStartMillis when the JVM started, for the start-up figure
/// @param demoSeed       seed of the demo district an empty embedded store gets on first start
/// @param demoHistoryDays days of ticket history that demo district gets
public record DeskLaunch(Bootstrap boot, StartupReport startupReport, long jvmStartMillis, long demoSeed, int demoHistoryDays) {
    public DeskLaunch(Bootstrap boot, StartupReport startupReport, long jvmStartMillis) {
        this(boot, startupReport, jvmStartMillis, DemoDistrictGenerator.DEFAULT_SEED,
                DemoHistoryGenerator.DEFAULT_DAYS);
    }
}

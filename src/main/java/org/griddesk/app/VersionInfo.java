package org.griddesk.app;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/// The product version, filled in by the build.
public final class VersionInfo {
    private VersionInfo() {
    }

    public static String version() {
        try (InputStream in = VersionInfo.class.getResourceAsStream("/griddesk-version.properties")) {
            if (in == null) {
                return "dev";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "dev");
        } catch (IOException e) {
            return "dev";
        }
    }
}

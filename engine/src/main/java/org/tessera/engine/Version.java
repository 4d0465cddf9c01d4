package org.tessera.engine;

import picocli.CommandLine;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * Tessera's version, declared once in the pom and copied into {@code version.properties} by the build's resource
 * filtering: the CLI's and the window's {@code --version} and each run's {@code run.json} read it here.
 */
public final class Version {
    private static final String VERSION = load();

    private Version() {
    }

    /** E.g. {@code 0.1.0-SNAPSHOT}. */
    public static String current() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            String v = p.getProperty("version", "");
            // an unfiltered copy (an IDE build without Maven's resource filtering) says so rather than lying
            return v.isBlank() || v.startsWith("${") ? "unknown (built without Maven)" : v;
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    /** picocli's {@code --version} for every Tessera command. */
    public static final class Provider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"Tessera " + current()};
        }
    }
}

package org.gstats.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Properties;
import java.util.jar.JarFile;

import org.osgi.framework.launch.FrameworkFactory;

/**
 * {@code gstats --version}: what runs, read without starting the framework. The gstats version
 * and build commit come from {@value #BUILD_FILE}, which the build writes beside these classes;
 * Felix's version from its jar's manifest.
 */
final class Version {

    static final String BUILD_FILE = "build.properties";
    private static final String UNKNOWN = "unknown";

    private Version() {
    }

    static String describe() {
        Properties build = new Properties();
        try (InputStream in = Version.class.getResourceAsStream(BUILD_FILE)) {
            if (in != null) {
                build.load(in);
            }
        } catch (IOException e) {
            // described as unknown below
        }
        String commit = build.getProperty("commit", "");
        return "gstats " + build.getProperty("version", UNKNOWN) + " (commit " + (commit.isBlank() ? UNKNOWN : commit)
                + ")\n" + "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor")
                + ", " + System.getProperty("java.home") + ")\n" + "Felix " + felix() + "\n";
    }

    /** The Bundle-Version of the framework jar on the class path. */
    private static String felix() {
        try {
            Path jar = Path.of(FrameworkFactory.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            try (JarFile file = new JarFile(jar.toFile())) {
                String version = file.getManifest().getMainAttributes().getValue("Bundle-Version");
                return version == null ? UNKNOWN : version;
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return UNKNOWN;
        }
    }
}

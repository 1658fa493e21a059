package org.gstats.engine.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The gstats version, filtered into {@code gstats.properties} from the Maven project version. */
final class GstatsVersion {

    /** Shown when the resource is missing, e.g. classes compiled by an IDE without filtering. */
    static final String UNKNOWN = "unknown";

    private GstatsVersion() {
    }

    static String current() {
        try (InputStream in = GstatsVersion.class.getResourceAsStream("gstats.properties")) {
            if (in == null) {
                return UNKNOWN;
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", UNKNOWN);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read gstats.properties", e);
        }
    }
}

package org.gstats.launcher;

import java.io.IOException;
import java.io.Reader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The installation folder ({@code gstats.home}): {@code bundle/} started at launch,
 * {@code plugins/} watched, {@code conf/} read. Nothing in it is written, so it may be read-only
 * and shared by concurrent runs.
 */
record Installation(Path home) {

    static final String HOME_PROPERTY = "gstats.home";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]+)}");

    /**
     * The folder named by the {@value #HOME_PROPERTY} system property (bin/gstats sets it), or
     * else the one above the launcher jar's {@code lib/}, so that {@code java -jar} works too.
     */
    static Installation locate() throws IOException {
        String configured = System.getProperty(HOME_PROPERTY);
        Path home;
        if (configured != null && !configured.isBlank()) {
            home = Path.of(configured);
        } else {
            try {
                Path jar = Path.of(Installation.class.getProtectionDomain().getCodeSource().getLocation().toURI());
                home = jar.toAbsolutePath().getParent().getParent();
            } catch (URISyntaxException e) {
                throw new IOException("cannot tell where gstats is installed; set -D" + HOME_PROPERTY, e);
            }
        }
        home = home.toAbsolutePath().normalize();
        if (!Files.isDirectory(home.resolve("bundle"))) {
            throw new IOException(home + " is not a gstats installation (no bundle/ folder); set -D"
                    + HOME_PROPERTY + " to the folder that holds bin/, bundle/ and conf/");
        }
        return new Installation(home);
    }

    Path bundleDir() {
        return home.resolve("bundle");
    }

    Path confDir() {
        return home.resolve("conf");
    }

    /** The jars in {@code bundle/}, sorted by file name so that every run installs them alike. */
    List<Path> bundles() throws IOException {
        return jars(bundleDir());
    }

    /** The jars in {@code lib/}: the launcher's and the framework's. */
    List<Path> libraries() throws IOException {
        return jars(home.resolve("lib"));
    }

    private static List<Path> jars(Path folder) throws IOException {
        List<Path> jars = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder, "*.jar")) {
            entries.forEach(jars::add);
        } catch (NoSuchFileException e) {
            return jars;
        }
        jars.sort(null);
        return jars;
    }

    /**
     * {@code conf/framework.properties}, placeholders substituted, each value overridden by a
     * system property of the same name.
     */
    Map<String, String> frameworkProperties() throws IOException {
        Map<String, String> properties = read(confDir().resolve("framework.properties"));
        properties.replaceAll((key, value) -> System.getProperty(key, value));
        return properties;
    }

    /**
     * Sets the system properties of {@code conf/system.properties} that are not set already, so
     * that {@code -D} options given in JAVA_OPTS win.
     */
    void applySystemProperties() throws IOException {
        read(confDir().resolve("system.properties")).forEach((key, value) -> {
            if (System.getProperty(key) == null) {
                System.setProperty(key, value);
            }
        });
    }

    /** A properties file with its placeholders substituted; a missing file is empty. */
    private Map<String, String> read(Path file) throws IOException {
        Properties loaded = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            loaded.load(reader);
        } catch (NoSuchFileException e) {
            return new TreeMap<>();
        }
        Map<String, String> properties = new TreeMap<>();
        for (String key : loaded.stringPropertyNames()) {
            properties.put(key, substitute(loaded.getProperty(key)));
        }
        return properties;
    }

    /**
     * Replaces {@code ${gstats.home}} by this installation and {@code ${name}} by a system
     * property; a placeholder that names neither stays as written, so the mistake shows.
     */
    private String substitute(String value) {
        Matcher matcher = PLACEHOLDER.matcher(value);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            String replacement = name.equals(HOME_PROPERTY) ? home.toString()
                    : System.getProperty(name, matcher.group());
            matcher.appendReplacement(result, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(result);
        return result.toString();
    }
}

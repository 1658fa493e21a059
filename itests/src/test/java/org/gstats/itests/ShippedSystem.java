package org.gstats.itests;

import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.ops4j.pax.exam.Option;

/**
 * The system as it ships, for Pax Exam: every jar of the distribution's {@code bundle/} by
 * {@code file:} URL, listed when the test is configured, with the distribution's
 * {@code conf/} properties; plus the test kit (to build repositories inside the framework) and
 * Pax Exam's JUnit bundles.
 *
 * <p>The shipped slf4j-api and its binding, gstats-logging, are provisioned too: the failsafe configuration
 * sets {@code pax.exam.logging=none}, so Pax Exam adds no pax-logging-api, whose
 * {@code org.slf4j} export would otherwise compete with the shipped one for JGit's import.
 * Pax Exam's own bundles import {@code org.slf4j [1.4,2)} and wire to the shipped 1.7.36.
 */
final class ShippedSystem {

    private ShippedSystem() {
    }

    /** {@code distribution/target/gstats/}, the product under test. */
    static Path distribution() {
        String dir = System.getProperty("gstats.distribution.dir");
        if (dir == null) {
            throw new IllegalStateException("system property gstats.distribution.dir is not set (run with mvn verify)");
        }
        Path distribution = Path.of(dir).toAbsolutePath().normalize();
        if (!Files.isRegularFile(distribution.resolve("bin/gstats"))) {
            throw new IllegalStateException(distribution + " holds no distribution; build distribution/ first");
        }
        return distribution;
    }

    static Option[] options() {
        Path home = distribution();
        List<Option> options = new ArrayList<>();
        for (Path jar : jars(home.resolve("bundle"))) {
            options.add(bundle(jar.toUri().toString()));
        }
        options.add(bundle(Path.of(System.getProperty("gstats.testkit.jar")).toUri().toString()));
        options.add(junitBundles());
        read(home.resolve("conf/framework.properties"), home)
                .forEach((key, value) -> options.add(frameworkProperty((String) key).value(value)));
        read(home.resolve("conf/system.properties"), home)
                .forEach((key, value) -> options.add(systemProperty((String) key).value((String) value)));
        // a scan store of the test run's own, never the user's ~/.cache/gstats
        options.add(frameworkProperty("gstats.store.url").value("jdbc:h2:file:"
                + SampleRepository.workDir().resolve("store-" + ProcessHandle.current().pid() + "-"
                        + System.nanoTime()).resolve("store")));
        // headless, as bin/gstats runs its commands: the console would take the test's stdin
        options.add(frameworkProperty("gosh.args").value("--nointeractive"));
        return options.toArray(Option[]::new);
    }

    private static List<Path> jars(Path dir) {
        List<Path> jars = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, "*.jar")) {
            entries.forEach(jars::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        jars.sort(null);
        return jars;
    }

    /** A shipped properties file with {@code ${gstats.home}} substituted, as the launcher does. */
    private static Properties read(Path file, Path home) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        properties.replaceAll((key, value) -> ((String) value).replace("${gstats.home}", home.toString()));
        return properties;
    }
}

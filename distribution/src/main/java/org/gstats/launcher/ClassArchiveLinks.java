package org.gstats.launcher;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.wiring.BundleWiring;

/**
 * Links the bundles' loaded classes before the run that writes the class data sharing archive ends.
 * Java 17's dump at exit ({@code -XX:ArchiveClassesAtExit}) archives linked classes only, and links
 * those of the JDK's own class loaders itself but not the bundles': a class that a run loads only
 * for the verifier's checks of another (hundreds of H2's and JGit's in a scan) was left out, and
 * every later run read it from its jar again. {@code bin/gstats} has the JVM of that run log the
 * classes it loads ({@code -Xlog:class+load}) into the file this reads; linking a class loads those
 * its verifier checks against, so the log is read again until no new class of a bundle shows. Java
 * 25's training run for its ahead-of-time cache gets the same log and links (whether that cache
 * needs them was not measured). In every other run the property is absent and nothing is done.
 */
final class ClassArchiveLinks {

    /** The system property naming the JVM's class-loading log, in the run that writes the archive. */
    static final String PROPERTY = "gstats.cds.loaded-classes";
    /** A scan needs two or three rounds; the bound keeps a pathological chain finite. */
    private static final int MAX_ROUNDS = 10;
    private static final String SOURCE = " source: ";
    private static final String REFERENCE = "reference:";

    private final Map<Path, ClassLoader> loaders;
    private final Path log;
    private long read;

    private ClassArchiveLinks(Map<Path, ClassLoader> loaders, Path log) {
        this.loaders = loaders;
        this.log = log;
    }

    /**
     * In the run that writes the archive, links every class a bundle's loader defined from the
     * bundle's jar; returns how many classes it linked (none in any other run). Nothing is
     * initialised: linking runs no static initialiser. A log that cannot be read leaves the
     * archive as the JVM alone would write it.
     */
    static int linkLoadedClasses(BundleContext context) {
        String log = System.getProperty(PROPERTY);
        if (log == null || log.isEmpty()) {
            return 0;
        }
        ClassArchiveLinks links = new ClassArchiveLinks(bundleLoaders(context), Path.of(log));
        int linked = 0;
        try {
            for (int round = 0; round < MAX_ROUNDS; round++) {
                int more = links.linkNewlyLoaded();
                if (more == 0) {
                    break;
                }
                linked += more;
            }
        } catch (IOException e) {
            // the archive is then what the JVM alone writes: correct, only less complete
        }
        return linked;
    }

    /** The class loader of each resolved bundle installed from a jar, by the jar's path. */
    private static Map<Path, ClassLoader> bundleLoaders(BundleContext context) {
        Map<Path, ClassLoader> loaders = new HashMap<>();
        for (Bundle bundle : context.getBundles()) {
            String location = bundle.getLocation();
            BundleWiring wiring = bundle.adapt(BundleWiring.class);
            if (location.startsWith(REFERENCE) && wiring != null && wiring.getClassLoader() != null) {
                jarPath(location.substring(REFERENCE.length()))
                        .ifPresent(jar -> loaders.put(jar, wiring.getClassLoader()));
            }
        }
        return loaders;
    }

    /** Links the bundle classes logged since the last read; returns how many there were. */
    private int linkNewlyLoaded() throws IOException {
        int linked = 0;
        for (String line : newLines()) {
            int source = line.indexOf(SOURCE);
            if (source < 0) {
                continue;
            }
            Optional<ClassLoader> loader = jarPath(line.substring(source + SOURCE.length())).map(loaders::get);
            if (loader.isPresent()) {
                link(line.substring(0, source), loader.get());
                linked++;
            }
        }
        return linked;
    }

    /** The whole lines written to the log since the last read (the JVM writes each line at once). */
    private List<String> newLines() throws IOException {
        List<String> lines = new ArrayList<>();
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            byte[] bytes = new byte[(int) Math.max(0, file.length() - read)];
            file.seek(read);
            file.readFully(bytes);
            int start = 0;
            for (int i = 0; i < bytes.length; i++) {
                if (bytes[i] == '\n') {
                    lines.add(new String(bytes, start, i - start, StandardCharsets.UTF_8));
                    start = i + 1;
                }
            }
            read += start;
        }
        return lines;
    }

    private static void link(String className, ClassLoader loader) {
        try {
            // the loaded class (a loader returns what it defined); the JVM links a class before it
            // lists its fields
            Class.forName(className, false, loader).getDeclaredFields();
        } catch (ClassNotFoundException | LinkageError | RuntimeException e) {
            // one that cannot be linked (an optional import absent) stays out of the archive, as before
        }
    }

    private static Optional<Path> jarPath(String url) {
        if (!url.startsWith("file:") || !url.endsWith(".jar")) {
            return Optional.empty();
        }
        try {
            return Optional.of(Path.of(URI.create(url)).toAbsolutePath().normalize());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}

package org.gstats.plugin.metrics.internal;

import static org.junit.Assert.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** The tools no one here wrote that the accuracy checks compare with, and the trees they read. */
final class ExternalTools {

    private ExternalTools() {
    }

    /** The repository this module lives in (its root). */
    static Path repositoryRoot() {
        return Path.of(run(Path.of("."), "git", "rev-parse", "--show-toplevel").trim());
    }

    /** cloc, or a failure naming how to install it. */
    static String cloc() {
        return onPath("cloc").orElseFail("cloc is missing: install it with `apt-get install cloc` (.ci/run does)");
    }

    /** jscpd from the project's tool folder (where .ci/run installs it) or the PATH. */
    static String jscpd() {
        Path local = repositoryRoot().resolve(".tools/jscpd/node_modules/.bin/jscpd");
        if (Files.isExecutable(local)) {
            return local.toString();
        }
        return onPath("jscpd").orElseFail("jscpd is missing: install it with "
                + "`npm install --prefix .tools/jscpd -E jscpd@5.3.2` in the repository root (.ci/run does)");
    }

    private record Found(String path) {
        String orElseFail(String message) {
            if (path == null) {
                fail(message);
            }
            return path;
        }
    }

    private static Found onPath(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, name);
            if (Files.isExecutable(candidate)) {
                return new Found(candidate.toString());
            }
        }
        return new Found(null);
    }

    /** Runs a command in {@code dir}; its standard output, or a failure with its error output. */
    static String run(Path dir, String... command) {
        try {
            Path out = Files.createTempFile("gstats-tool", ".out");
            Path err = Files.createTempFile("gstats-tool", ".err");
            try {
                Process process = new ProcessBuilder(command).directory(dir.toFile())
                        .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
                if (!process.waitFor(10, TimeUnit.MINUTES)) {
                    process.destroyForcibly();
                    fail(command[0] + " did not finish in 10 minutes");
                }
                if (process.exitValue() != 0) {
                    fail(String.join(" ", Arrays.asList(command)) + " exited with " + process.exitValue() + ": "
                            + Files.readString(err, StandardCharsets.UTF_8));
                }
                return Files.readString(out, StandardCharsets.UTF_8);
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Regular files under {@code root} (relative paths, sorted), as git would list them. */
    static List<String> filesUnder(Path root) {
        try (var stream = Files.walk(root)) {
            List<String> files = new ArrayList<>();
            stream.filter(Files::isRegularFile).forEach(p -> files.add(root.relativize(p).toString()));
            files.sort(null);
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void unzip(Path jar, Path into) {
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(jar))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                Path target = into.resolve(entry.getName()).normalize();
                if (!target.startsWith(into)) {
                    throw new IOException("entry outside the target folder: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(zip, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The Felix framework's sources jar (a test dependency) unpacked into {@code into}. */
    static Path felixSources(Path into) {
        String classPath = System.getProperty("java.class.path");
        for (String entry : classPath.split(java.io.File.pathSeparator)) {
            if (entry.contains("org.apache.felix.framework") && entry.endsWith("-sources.jar")) {
                unzip(Path.of(entry), into);
                return into;
            }
        }
        throw new IllegalStateException("the Felix framework sources jar is not on the test class path");
    }
}

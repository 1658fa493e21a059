package org.gstats.launcher;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * bin/gstats sizes the JVM from the memory settings before it starts it: run against an
 * installation whose {@code java} prints the options it was given, with a real repository made by
 * the git CLI for the project rung.
 */
public class LauncherScriptTest {

    @Rule
    public final TemporaryFolder folder = new TemporaryFolder();

    private Path home;
    private Path javaHome;
    private Path userConfigHome;
    private Path cacheHome;
    private Path repository;

    @Before
    public void createInstallation() throws IOException, InterruptedException {
        Path root = folder.getRoot().toPath();
        home = root.resolve("gstats");
        Files.createDirectories(home.resolve("bin"));
        Files.createDirectories(home.resolve("conf"));
        Files.copy(Path.of("src/main/sh/gstats"), home.resolve("bin/gstats"));
        Files.copy(Path.of("../config/gstats.toml"), home.resolve("conf/gstats.toml"),
                StandardCopyOption.REPLACE_EXISTING);
        javaHome = root.resolve("jdk");
        Files.createDirectories(javaHome.resolve("bin"));
        // prints its options, one a line; "writes" the class archive (or the ahead-of-time cache's training
        // configuration) it is asked for; exits with $FAKE_STATUS. As the daemon's client it writes its options to
        // $FAKE_CLIENT_LOG and exits with $FAKE_CLIENT_STATUS, by default 75: "run the command directly". Asked to
        // create an ahead-of-time cache, it writes one (a part of one when $FAKE_CREATE_STATUS says it failed)
        Files.writeString(javaHome.resolve("bin/java"), """
                #!/bin/sh
                case " $* " in
                  *" org.gstats.launcher.DaemonClient "*)
                    [ -n "$FAKE_CLIENT_LOG" ] && printf '%s\n' "$@" > "$FAKE_CLIENT_LOG"
                    exit "${FAKE_CLIENT_STATUS:-75}" ;;
                  *" -XX:AOTMode=create "*)
                    for option in "$@"; do
                      case $option in -XX:AOTCache=*) echo cache > "${option#*=}" ;; esac
                    done
                    exit "${FAKE_CREATE_STATUS:-0}" ;;
                esac
                for option in "$@"; do
                  case $option in
                    -XX:ArchiveClassesAtExit=*|-XX:AOTConfiguration=*) echo archive > "${option#*=}" ;;
                    -Dgstats.cds.loaded-classes=*) echo "org.Loaded source: file:/a.jar" > "${option#*=}" ;;
                  esac
                done
                printf '%s\n' "$@"
                exit "${FAKE_STATUS:-0}"
                """);
        Files.setPosixFilePermissions(javaHome.resolve("bin/java"), PosixFilePermissions.fromString("rwxr-xr-x"));
        userConfigHome = root.resolve("xdg");
        // a space in the cache's path, as in a home folder named "Jane Doe": the class archive's options name it
        cacheHome = root.resolve("user cache");
        repository = root.resolve("repo");
        Files.createDirectories(repository.resolve("src"));
        Process init = new ProcessBuilder("git", "init", "-q", repository.toString()).inheritIO().start();
        assertEquals(0, init.waitFor());
    }

    @Test
    public void withoutSettingsTheHeapIs512MegabytesWithTheSerialCollector() throws Exception {
        List<String> options = jvmOptions(Map.of(), "scan", repository.toString());
        assertTrue(options.toString(), options.contains("-Xmx512m") || options.stream().anyMatch(
                option -> option.startsWith("-Xmx") && megabytes(option) < 512));
        assertTrue(options.toString(), options.contains("-XX:+UseSerialGC"));
    }

    @Test
    public void withoutALimitTheGenerationsAreSizedFromTheHeap() throws Exception {
        List<String> options = jvmOptions(Map.of(), "scan", repository.toString());
        int heap = megabytes(options.stream().filter(option -> option.startsWith("-Xmx")).findFirst().orElseThrow());
        assertTrue(options.toString(), options.contains("-Xms" + heap * 3 / 5 + "m"));
        assertTrue(options.toString(), options.contains("-Xmn" + heap * 2 / 5 + "m"));
        assertTrue(options.toString(), options.contains("-XX:SurvivorRatio=4"));
        // huge pages where this kernel gives them on request, as the script reads it
        Path modes = Path.of("/sys/kernel/mm/transparent_hugepage/enabled");
        boolean hugePages = Files.isReadable(modes)
                && Files.readString(modes).matches("(?s).*\\[(always|madvise)\\].*");
        assertEquals(options.toString(), hugePages, options.contains("-XX:+UseTransparentHugePages"));
        // a limit, or JAVA_OPTS sizing the heap or choosing the collector, leaves the generations to the JVM
        for (List<String> left : List.of(jvmOptions(Map.of(), "scan", "--max-memory", "1GB", repository.toString()),
                jvmOptions(Map.of("JAVA_OPTS", "-Xmx64m"), "scan", repository.toString()),
                jvmOptions(Map.of("JAVA_OPTS", "-XX:NewRatio=1"), "scan", repository.toString()),
                jvmOptions(Map.of("JAVA_OPTS", "-XX:+UseParallelGC"), "scan", repository.toString()))) {
            assertTrue(left.toString(), left.stream().noneMatch(option -> option.startsWith("-Xms")
                    || option.startsWith("-Xmn") || option.startsWith("-XX:SurvivorRatio")
                    || option.contains("TransparentHugePages")));
        }
        // and JAVA_OPTS naming huge pages has its way
        List<String> off = jvmOptions(Map.of("JAVA_OPTS", "-XX:-UseTransparentHugePages"), "scan",
                repository.toString());
        assertFalse(off.toString(), off.contains("-XX:+UseTransparentHugePages"));
    }

    @Test
    public void maxMemoryOnTheCommandLineGivesTheLimitAndAQuarter() throws Exception {
        assertHeap(1280, Map.of(), "scan", "--max-memory", "1GB", repository.toString());
        assertHeap(320, Map.of(), "scan", repository.toString(), "--max-memory", "256m");
    }

    @Test
    public void sizesAreReadAsGstatsConfigReadsThem() throws Exception {
        assertHeap(2560, Map.of(), "scan", "--max-memory", "2g", repository.toString());
        assertHeap(1280, Map.of(), "scan", "--max-memory", "1 GiB", repository.toString());
        // a leading zero is no octal number
        assertHeap(125, Map.of(), "scan", "--max-memory", "0100m", repository.toString());
        assertHeap(2560, Map.of(), "scan", "--max-memory", "2147483648", repository.toString());
        // 512 KiB rounds up to 1 MB, and the heap is at least 64 MB
        assertHeap(64, Map.of(), "scan", "--max-memory", "512kib", repository.toString());
    }

    @Test
    public void performanceModePresetsTheLimitAndMaxMemoryWinsOverIt() throws Exception {
        assertHeap(80, Map.of(), "scan", "--performance-mode", "low", repository.toString());
        assertHeap(320, Map.of(), "scan", "--performance-mode", "balanced", repository.toString());
        assertHeap(1280, Map.of(), "scan", "--performance-mode", "high", repository.toString());
        assertHeap(125, Map.of(), "scan", "--performance-mode", "high", "--max-memory", "100MB",
                repository.toString());
    }

    @Test
    public void theConfigurationRungsCountInGstatsConfigsOrder() throws Exception {
        Files.writeString(repository.resolve(".gstats.toml"), "[scanner]\nmax-memory = \"200MB\" # project\n");
        // from a folder inside the repository, whose root holds .gstats.toml
        assertHeap(250, Map.of(), "scan", repository.resolve("src").toString());
        Path user = userConfigHome.resolve("gstats/config.toml");
        Files.createDirectories(user.getParent());
        Files.writeString(user, "scanner.max-memory = \"400MB\"\n");
        assertHeap(500, Map.of(), "scan", repository.toString());
        Path named = folder.getRoot().toPath().resolve("named.toml");
        Files.writeString(named, "[scanner]\nmax-memory = 104857600\n");
        assertHeap(125, Map.of("GSTATS_CONFIG", named.toString()), "scan", repository.toString());
        assertHeap(160, Map.of("GSTATS_CONFIG", named.toString(), "GSTATS_MAX_MEMORY", "128MB"), "scan",
                repository.toString());
        Path given = folder.getRoot().toPath().resolve("given.toml");
        Files.writeString(given, "[scanner]\nperformance-mode = \"low\"\nmax-memory = \"0B\"\n");
        assertHeap(80, Map.of("GSTATS_MAX_MEMORY", "128MB"), "--config-file", given.toString(), "scan",
                repository.toString());
    }

    @Test
    public void javaOptsWinsAndAValueThatIsNotASizeIsLeftToTheConfiguration() throws Exception {
        List<String> options = jvmOptions(Map.of("JAVA_OPTS", "-Xmx2g -XX:+UseParallelGC"), "scan",
                "--max-memory", "lots", repository.toString());
        assertEquals("-Xmx2g", options.stream().filter(option -> option.startsWith("-Xmx"))
                .reduce((first, last) -> last).orElseThrow());
        assertTrue(options.toString(), !options.contains("-XX:+UseSerialGC"));
        assertTrue(options.toString(), options.contains("lots"));
        List<String> ram = jvmOptions(Map.of("JAVA_OPTS", "-XX:MaxRAMPercentage=50"), "plugins");
        assertTrue(ram.toString(), ram.stream().noneMatch(option -> option.startsWith("-Xmx")));
    }

    @Test
    public void theFirstSuccessfulScanWritesTheClassArchiveThatLaterRunsMap() throws Exception {
        List<String> other = jvmOptions(Map.of(), "plugins");
        assertTrue(other.toString(), other.stream().noneMatch(option -> option.contains("Archive")));
        List<String> failed = jvmOptions(Map.of("FAKE_STATUS", "1"), "scan", repository.toString());
        assertTrue(failed.toString(),
                failed.stream().anyMatch(option -> option.startsWith("-XX:ArchiveClassesAtExit=")));
        assertEquals("a failed run leaves no archive, nor its log of loaded classes", List.of(), archives());

        List<String> first = jvmOptions(Map.of(), "scan", repository.toString());
        String dumped = first.stream().filter(option -> option.startsWith("-XX:ArchiveClassesAtExit=")).findFirst()
                .orElseThrow();
        List<Path> archives = archives();
        // the archive alone: its log of loaded classes goes once it is written
        assertEquals(archives.toString(), 1, archives.size());
        assertTrue(dumped, dumped.startsWith("-XX:ArchiveClassesAtExit=" + archives.get(0) + "."));
        // the JVM logs the classes it loads for the launcher, which links the bundles' before the dump
        String log = dumped.substring("-XX:ArchiveClassesAtExit=".length()) + ".classes";
        assertTrue(first.toString(), first.contains("-Dgstats.cds.loaded-classes=" + log));
        assertTrue(first.toString(),
                first.contains("-Xlog:class+load=info:file=\"" + log + "\":none:filecount=0"));
        // Java 17 (a runtime without a release file counts as 17) needs no access options
        assertTrue(first.toString(), first.stream().noneMatch(option -> option.startsWith("--sun-misc")
                || option.startsWith("--enable-native-access")));
        Path client = folder.getRoot().toPath().resolve("client.log");
        List<String> later = jvmOptions(Map.of("FAKE_CLIENT_LOG", client.toString()), "scan", repository.toString());
        assertTrue(later.toString(), later.contains("-XX:SharedArchiveFile=" + archives.get(0)));
        // the daemon's JVM gets the same options from the client
        List<String> toClient = Files.readAllLines(client);
        assertTrue(toClient.toString(),
                toClient.contains("-Dgstats.daemon.archive=-XX:SharedArchiveFile=" + archives.get(0)));
        assertTrue(toClient.toString(),
                toClient.contains("-Dgstats.daemon.jvm-options=-Xlog:cds=off -Xlog:cds+dynamic=off "));
        assertTrue(later.toString(), later.stream().noneMatch(option -> option.contains("class+load")
                || option.contains("loaded-classes")));
        assertTrue(jvmOptions(Map.of(), "plugins").contains("-XX:SharedArchiveFile=" + archives.get(0)));

        List<String> off = jvmOptions(Map.of("GSTATS_CDS", "off"), "scan", repository.toString());
        assertTrue(off.toString(), off.stream().noneMatch(option -> option.contains("Archive")));
        List<String> own = jvmOptions(Map.of("JAVA_OPTS", "-Xshare:off"), "scan", repository.toString());
        assertTrue(own.toString(), own.stream().noneMatch(option -> option.contains("Archive")));

        // a changed bundle/ is another archive, and the old one goes when the new one is written
        Files.createDirectories(home.resolve("bundle"));
        Files.writeString(home.resolve("bundle/new.jar"), "not really a jar");
        jvmOptions(Map.of(), "scan", repository.toString());
        List<Path> rebuilt = archives();
        assertEquals(1, rebuilt.size());
        assertTrue(!rebuilt.equals(archives));
    }

    @Test
    public void onJava25TheFirstScanTrainsTheAheadOfTimeCacheThatLaterRunsMap() throws Exception {
        Files.writeString(javaHome.resolve("release"), "IMPLEMENTOR=\"Eclipse Adoptium\"\nJAVA_VERSION=\"25.0.3\"\n");
        List<String> failed = jvmOptions(Map.of("FAKE_CREATE_STATUS", "1"), "scan", repository.toString());
        assertTrue(failed.toString(), failed.contains("-XX:AOTMode=record"));
        assertEquals("a cache whose creation failed goes, and so does the training's configuration", List.of(),
                archives());

        List<String> first = jvmOptions(Map.of(), "scan", repository.toString());
        String trained = first.stream().filter(option -> option.startsWith("-XX:AOTConfiguration=")).findFirst()
                .orElseThrow();
        List<Path> archives = archives();
        assertEquals(archives.toString(), 1, archives.size());
        assertTrue(archives.toString(), archives.get(0).getFileName().toString().endsWith(".aot"));
        assertTrue(trained, trained.startsWith("-XX:AOTConfiguration=" + archives.get(0) + "."));
        assertTrue(first.toString(),
                first.stream().anyMatch(option -> option.startsWith("-Dgstats.cds.loaded-classes=")));
        // the training run's own line on stdout is kept out of the results
        assertTrue(first.toString(), first.contains("-XX:-DisplayVMOutput"));
        assertTrue(first.toString(),
                first.stream().noneMatch(option -> option.startsWith("-XX:ArchiveClassesAtExit")));
        // Java 24's warnings of Felix's sun.misc.Unsafe and JLine's native library are allowed away
        assertTrue(first.toString(), first.contains("--sun-misc-unsafe-memory-access=allow"));
        assertTrue(first.toString(), first.contains("--enable-native-access=ALL-UNNAMED"));

        Path client = folder.getRoot().toPath().resolve("client.log");
        List<String> later = jvmOptions(Map.of("FAKE_CLIENT_LOG", client.toString()), "scan", repository.toString());
        assertTrue(later.toString(), later.contains("-XX:AOTCache=" + archives.get(0)));
        // the daemon's JVM gets the same options from the client
        List<String> toClient = Files.readAllLines(client);
        assertTrue(toClient.toString(), toClient.contains("-Dgstats.daemon.archive=-XX:AOTCache=" + archives.get(0)));
        assertTrue(toClient.toString(), toClient.contains("-Dgstats.daemon.jvm-options=-Xlog:cds=off -Xlog:aot=off "
                + "--sun-misc-unsafe-memory-access=allow --enable-native-access=ALL-UNNAMED"));
        // its warnings would go to stdout, with the results
        assertTrue(later.toString(), later.contains("-Xlog:aot=off"));
        assertTrue(later.toString(), later.stream().noneMatch(option -> option.startsWith("-XX:SharedArchiveFile")
                || option.startsWith("-XX:AOTMode") || option.contains("loaded-classes")
                || option.contains("DisplayVMOutput")));
        assertTrue(jvmOptions(Map.of(), "plugins").contains("-XX:AOTCache=" + archives.get(0)));
        // JAVA_OPTS naming the cache's options has its way
        List<String> own = jvmOptions(Map.of("JAVA_OPTS", "-XX:AOTMode=off"), "scan", repository.toString());
        assertTrue(own.toString(), own.stream().noneMatch(option -> option.startsWith("-XX:AOTCache=")));

        // Java 17 again (the same installation, another runtime): its archive replaces the cache
        Files.delete(javaHome.resolve("release"));
        jvmOptions(Map.of(), "scan", repository.toString());
        List<Path> replaced = archives();
        assertEquals(replaced.toString(), 1, replaced.size());
        assertTrue(replaced.toString(), replaced.get(0).getFileName().toString().endsWith(".jsa"));
    }

    @Test
    public void archivesOfOtherInstallationsUnusedFor30DaysAndDumpsOfKilledRunsAreRemoved() throws Exception {
        Path cache = Files.createDirectories(cacheHome.resolve("gstats"));
        FileTime longAgo = FileTime.from(Instant.now().minus(40, ChronoUnit.DAYS));
        Path unused = Files.writeString(cache.resolve("classes-1-2.jsa"), "archive");
        Files.setLastModifiedTime(unused, longAgo);
        Path recent = Files.writeString(cache.resolve("classes-3-4.jsa"), "archive");
        Path killed = Files.writeString(cache.resolve("classes-5-6.jsa.999.tmp"), "half an archive");
        Files.setLastModifiedTime(killed, FileTime.from(Instant.now().minus(2, ChronoUnit.DAYS)));
        Path killedLog = Files.writeString(cache.resolve("classes-5-6.jsa.999.tmp.classes"), "a log");
        Files.setLastModifiedTime(killedLog, FileTime.from(Instant.now().minus(2, ChronoUnit.DAYS)));

        jvmOptions(Map.of(), "scan", repository.toString());
        List<Path> left = archives();
        assertTrue(left.toString(), left.contains(recent) && !left.contains(unused) && !left.contains(killed));
        assertFalse(Files.exists(killedLog));
        assertEquals(left.toString(), 2, left.size());

        // a run that maps an archive marks it as used
        Path ours = left.stream().filter(archive -> !archive.equals(recent)).findFirst().orElseThrow();
        Files.setLastModifiedTime(ours, longAgo);
        jvmOptions(Map.of(), "plugins");
        assertTrue(Files.getLastModifiedTime(ours).toInstant().isAfter(Instant.now().minus(1, ChronoUnit.DAYS)));
    }

    @Test
    public void theDaemonIsUsedUnlessSwitchedOffUnderCiWithJavaOptsOrForLongLivedCommands() throws Exception {
        assertDaemon(true, Map.of(), "scan", repository.toString());
        assertDaemon(true, Map.of(), "plugins");
        assertDaemon(false, Map.of("GSTATS_DAEMON", "off"), "scan", repository.toString());
        assertDaemon(false, Map.of("CI", "true"), "scan", repository.toString());
        assertDaemon(true, Map.of("CI", "true", "GSTATS_DAEMON", "on"), "scan", repository.toString());
        assertDaemon(false, Map.of("JAVA_OPTS", "-Xmx1g"), "scan", repository.toString());
        assertDaemon(false, Map.of(), "serve");
        assertDaemon(false, Map.of(), "shell");
        assertDaemon(false, Map.of(), "--version");
        Path user = userConfigHome.resolve("gstats/config.toml");
        Files.createDirectories(user.getParent());
        Files.writeString(user, "[daemon]\nmode = \"off\"\n");
        assertDaemon(false, Map.of(), "scan", repository.toString());
        assertDaemon(true, Map.of("GSTATS_DAEMON", "auto"), "scan", repository.toString());
        // the daemon is the installation's: a repository's .gstats.toml (read here: it sizes the heap) does not
        // switch it
        Files.delete(user);
        Files.writeString(repository.resolve(".gstats.toml"),
                "[scanner]\nmax-memory = \"200MB\"\n[daemon]\nmode = \"off\"\n");
        assertHeap(250, Map.of(), "scan", repository.toString());
        assertDaemon(true, Map.of(), "scan", repository.toString());
        // a value gstats does not take runs directly, which says what is wrong with it
        assertDaemon(false, Map.of("GSTATS_DAEMON", "maybe"), "scan", repository.toString());
    }

    @Test
    public void theClientLearnsTheHeapTheCommandNeedsAndItsAnswerIsTheExitStatus() throws Exception {
        Path log = folder.getRoot().toPath().resolve("client.log");
        List<String> options = jvmOptions(Map.of("FAKE_CLIENT_LOG", log.toString()), "scan", "--max-memory",
                "1GB", repository.toString());
        List<String> client = List.of(Files.readString(log).trim().split("\n"));
        assertTrue(client.toString(), client.contains("-Dgstats.daemon.job-heap=1280"));
        assertTrue(client.toString(), client.stream().anyMatch(option -> option.startsWith("-Dgstats.daemon.heap=")));
        assertTrue("75: the command ran directly after the client: " + options, options.contains("-Xmx1280m"));

        Files.delete(log);
        List<String> served = jvmOptions(Map.of("FAKE_CLIENT_LOG", log.toString(), "FAKE_CLIENT_STATUS", "2",
                "FAKE_STATUS", "2"), "scan", repository.toString());
        assertEquals("the daemon ran it: no direct run", List.of(""), served);
        assertTrue(Files.exists(log));
    }

    private void assertDaemon(boolean used, Map<String, String> environment, String... args) throws Exception {
        Path log = folder.getRoot().toPath().resolve("client.log");
        Files.deleteIfExists(log);
        Map<String, String> withLog = new java.util.HashMap<>(environment);
        withLog.put("FAKE_CLIENT_LOG", log.toString());
        jvmOptions(withLog, args);
        assertEquals(String.join(" ", args) + " with " + environment, used, Files.exists(log));
    }

    private List<Path> archives() throws IOException {
        Path dir = cacheHome.resolve("gstats");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (var files = Files.list(dir)) {
            return files.sorted().toList();
        }
    }

    private void assertHeap(int megabytes, Map<String, String> environment, String... args) throws Exception {
        List<String> options = jvmOptions(environment, args);
        assertTrue(options.toString(), options.contains("-Xmx" + megabytes + "m"));
    }

    private static int megabytes(String xmx) {
        return Integer.parseInt(xmx.substring("-Xmx".length(), xmx.length() - 1));
    }

    /** The options bin/gstats gives java, up to and including the launcher jar's arguments. */
    private List<String> jvmOptions(Map<String, String> environment, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("sh", home.resolve("bin/gstats").toString()));
        command.addAll(Arrays.asList(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(folder.getRoot());
        builder.environment().keySet().removeIf(name -> name.startsWith("GSTATS_") || name.equals("JAVA_OPTS")
                || name.equals("CI"));
        builder.environment().put("JAVA_HOME", javaHome.toString());
        builder.environment().put("XDG_CONFIG_HOME", userConfigHome.toString());
        builder.environment().put("XDG_CACHE_HOME", cacheHome.toString());
        builder.environment().putAll(environment);
        builder.redirectErrorStream(true);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertTrue("bin/gstats did not finish", process.waitFor(30, TimeUnit.SECONDS));
        assertEquals(output, environment.getOrDefault("FAKE_STATUS", "0"), String.valueOf(process.exitValue()));
        return List.of(output.split("\n"));
    }
}

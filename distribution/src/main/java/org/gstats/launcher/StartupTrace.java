package org.gstats.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where a run's start-up time goes: with {@code -D}{@value #PROPERTY} (e.g. in JAVA_OPTS), one
 * line on stderr per step, milliseconds since the process started, and since the step before.
 * Off by default, and then nothing is measured.
 */
final class StartupTrace {

    static final String PROPERTY = "gstats.startup.trace";
    /** The kernel's clock tick on Linux (USER_HZ, 100 on every mainstream build). */
    private static final long TICK_MS = 10;
    private static final int THREADS_SHOWN = 10;

    private static final StartupTrace INSTANCE = new StartupTrace(Boolean.getBoolean(PROPERTY));

    private final boolean enabled;
    private final long processStartNanos;
    private long previousNanos;

    private StartupTrace(boolean enabled) {
        this.enabled = enabled;
        if (enabled) {
            long now = System.nanoTime();
            processStartNanos = now - nanosSinceStart();
            previousNanos = processStartNanos;
        } else {
            processStartNanos = 0;
        }
    }

    /**
     * How long ago the process started: on Linux its start in clock ticks since boot against the
     * uptime, both in steps of {@value #TICK_MS} ms ({@code ProcessHandle}'s start instant adds the
     * boot time in whole seconds, which put the first step up to a second late); elsewhere the
     * JDK's figure.
     */
    static long nanosSinceStart() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            // the fields after the command's name, from the third (state); the 22nd is the start
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long startMillis = Long.parseLong(fields[22 - 3]) * TICK_MS;
            double uptimeSeconds = Double.parseDouble(Files.readString(Path.of("/proc/uptime")).split(" ")[0]);
            return Math.max(0, Math.round(uptimeSeconds * 1000) - startMillis) * 1_000_000;
        } catch (IOException | RuntimeException e) {
            Optional<Instant> started = ProcessHandle.current().info().startInstant();
            return started.map(start -> Duration.between(start, Instant.now()).toNanos()).orElse(0L);
        }
    }

    /** Whether this run is traced: a caller may then watch for steps it would not otherwise see. */
    static boolean enabled() {
        return INSTANCE.enabled;
    }

    /** Records that {@code step} has just ended. */
    static void mark(String step) {
        INSTANCE.record(step, System.err);
    }

    /**
     * At the end of a traced run: the CPU time of the process's threads that used the most, from
     * {@code /proc/self/task} (Linux; elsewhere nothing), in clock ticks of {@value #TICK_MS} ms.
     */
    static void threads() {
        if (!INSTANCE.enabled) {
            return;
        }
        Map<String, Long> cpu = new HashMap<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
            for (Path task : tasks) {
                String stat = Files.readString(task.resolve("stat"));
                // the name in parentheses may hold spaces: fields are counted after its closing one
                int close = stat.lastIndexOf(')');
                String name = stat.substring(stat.indexOf('(') + 1, close).replaceAll("[0-9]+$", "#");
                String[] fields = stat.substring(close + 2).split(" ");
                long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                cpu.merge(name, ticks * TICK_MS, Long::sum);
            }
        } catch (IOException | RuntimeException e) {
            return;
        }
        cpu.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(THREADS_SHOWN)
                .forEach(thread -> System.err.printf("gstats: start-up cpu %6d ms %s%n", thread.getValue(),
                        thread.getKey()));
    }

    private synchronized void record(String step, PrintStream err) {
        if (!enabled) {
            return;
        }
        long now = System.nanoTime();
        err.printf("gstats: start-up %6d ms (+%5d ms) %s%n", (now - processStartNanos) / 1_000_000,
                (now - previousNanos) / 1_000_000, step);
        previousNanos = now;
    }
}

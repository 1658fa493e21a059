package org.gstats.launcher;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Where a run's start-up time goes: with {@code -D}{@value #PROPERTY} (e.g. in JAVA_OPTS), one
 * line on stderr per step, milliseconds since the process started, and since the step before.
 * Off by default, and then nothing is measured.
 */
final class StartupTrace {

    static final String PROPERTY = "gstats.startup.trace";

    private static final StartupTrace INSTANCE = new StartupTrace(Boolean.getBoolean(PROPERTY));

    private final boolean enabled;
    private final long processStartNanos;
    private long previousNanos;

    private StartupTrace(boolean enabled) {
        this.enabled = enabled;
        if (enabled) {
            long now = System.nanoTime();
            Optional<Instant> started = ProcessHandle.current().info().startInstant();
            long sinceStart = started.map(start -> Duration.between(start, Instant.now()).toNanos()).orElse(0L);
            processStartNanos = now - sinceStart;
            previousNanos = processStartNanos;
        } else {
            processStartNanos = 0;
        }
    }

    /** Records that {@code step} has just ended. */
    static void mark(String step) {
        INSTANCE.record(step, System.err);
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

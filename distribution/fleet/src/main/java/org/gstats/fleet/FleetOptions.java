package org.gstats.fleet;

import java.nio.file.Path;

/**
 * The command line of {@code gstats-fleet scan}, checked: every failure is one {@link FleetException} line.
 */
record FleetOptions(Path repos, Path out, FleetOutput.Format format, String master, long timeoutSeconds, String store,
        Path config, boolean verbose) {

    static FleetOptions parse(String[] args) throws FleetException {
        if (args.length == 0 || !args[0].equals("scan")) {
            throw new FleetException(args.length == 0 ? "no command given" : "unknown command '" + args[0]
                    + "' (the one command is scan)");
        }
        Path repos = null;
        Path out = null;
        String master = null;
        String store = null;
        Path config = null;
        FleetOutput.Format format = FleetOutput.Format.PARQUET;
        long timeout = FleetMain.DEFAULT_TIMEOUT_SECONDS;
        boolean verbose = false;
        for (int i = 1; i < args.length; i++) {
            String option = args[i];
            if (option.equals("--verbose")) {
                verbose = true;
                continue;
            }
            if (!option.equals("--repos") && !option.equals("--out") && !option.equals("--master")
                    && !option.equals("--timeout") && !option.equals("--store") && !option.equals("--config")
                    && !option.equals("--format")) {
                throw new FleetException("unknown option '" + option + "'");
            }
            if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                throw new FleetException(option + " needs a value");
            }
            String value = args[++i];
            switch (option) {
                case "--repos" -> repos = Path.of(value);
                case "--out" -> out = Path.of(value);
                case "--master" -> master = value;
                case "--store" -> store = value;
                case "--config" -> config = Path.of(value);
                case "--format" -> format = FleetOutput.Format.of(value);
                default -> timeout = seconds(value);
            }
        }
        if (repos == null || out == null) {
            throw new FleetException(repos == null ? "--repos FILE is required" : "--out DIR is required");
        }
        if (store != null && !store.startsWith("jdbc:h2:") && !store.startsWith("jdbc:postgresql:")) {
            throw new FleetException("unsupported --store URL " + store + " (use jdbc:h2:… or jdbc:postgresql://…)");
        }
        return new FleetOptions(repos, out, format, master, timeout, store, config, verbose);
    }

    private static long seconds(String value) throws FleetException {
        try {
            long seconds = Long.parseLong(value);
            if (seconds > 0) {
                return seconds;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new FleetException("--timeout needs a positive number of seconds, not '" + value + "'");
    }
}

package org.gstats.config.api;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What to resolve the configuration for.
 *
 * @param repository  the directory being scanned (its repository root holds the project config
 *                    {@code .gstats.toml}); {@code null} when no scan is in view
 * @param commandLine values given on the command line, by key ({@code scanner.since}) as typed;
 *                    they win over every other rung
 */
public record ConfigRequest(Path repository, Map<String, String> commandLine) {

    public ConfigRequest {
        commandLine = Map.copyOf(new LinkedHashMap<>(commandLine));
    }
}

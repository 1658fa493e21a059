package org.gstats.fleet;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

import org.gstats.api.scan.DiffAlgorithm;
import org.gstats.api.scan.PluginSelection;
import org.gstats.api.scan.ScanRequest;
import org.gstats.config.api.ConfigException;
import org.gstats.config.api.ConfigRequest;
import org.gstats.config.api.EffectiveConfiguration;
import org.gstats.config.api.GitDate;
import org.gstats.config.internal.ClassPathMetaType;
import org.gstats.config.internal.StandaloneConfiguration;
import org.osgi.service.metatype.ObjectClassDefinition;

/**
 * A repository's configuration in the fleet, resolved by gstats-config as {@code gstats scan}
 * resolves it: the schema's defaults, then the fleet's {@code --config} file where gstats reads
 * its shipped defaults, then the repository's own {@code .gstats.toml}, which wins. The file's
 * text travels with the tasks (an executor need not see the driver's files); the driver checks
 * it before any task starts.
 */
final class FleetConfiguration implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The file name the fleet file takes in a task's scratch folder. */
    private static final String FLEET_FILE = "fleet.toml";

    private static volatile List<Map.Entry<String, ObjectClassDefinition>> definitions;

    private final String fleetToml;

    private FleetConfiguration(String fleetToml) {
        this.fleetToml = fleetToml;
    }

    /** Every repository with its own file only, over the defaults. */
    static FleetConfiguration none() {
        return new FleetConfiguration(null);
    }

    /**
     * The fleet file, checked as gstats checks a configuration file: a file that cannot be read,
     * is not TOML, or sets a value its key does not take is refused in one line.
     *
     * @return the configuration, and the file's warnings (unknown keys) through {@code warnings}
     */
    static FleetConfiguration of(Path file, List<String> warnings) throws FleetException {
        if (!Files.isRegularFile(file)) {
            throw new FleetException("--config names " + file + ", which is not a file (give the path of a TOML file)");
        }
        try {
            EffectiveConfiguration checked = configuration(file).resolve(new ConfigRequest(null, Map.of()));
            warnings.addAll(checked.warnings());
            return new FleetConfiguration(Files.readString(file, StandardCharsets.UTF_8));
        } catch (ConfigException e) {
            throw new FleetException(e.getMessage());
        } catch (IOException e) {
            throw new FleetException("cannot read " + file + ": " + ScanTask.oneLine(e));
        }
    }

    /**
     * The repository's configuration.
     *
     * @param project the folder whose {@code .gstats.toml} is the repository's (its work tree, or
     *                where a bare repository's committed file was put)
     * @param scratch the task's folder, for the fleet file
     */
    EffectiveConfiguration resolve(Path project, Path scratch) throws ConfigException, IOException {
        Path fleetFile = null;
        if (fleetToml != null) {
            fleetFile = Files.writeString(scratch.resolve(FLEET_FILE), fleetToml, StandardCharsets.UTF_8);
        }
        return configuration(fleetFile).resolve(new ConfigRequest(project, Map.of()));
    }

    /**
     * The scan request for a repository under its configuration, as {@code gstats scan} builds it
     * when no option is given: the {@code [scanner]} keys in the request's fields, every section in
     * its settings, and the store the task names.
     */
    static ScanRequest request(Path repository, String branch, EffectiveConfiguration configuration,
            Map<String, Object> store) throws ConfigException {
        ScanRequest.Builder request = ScanRequest.builder(repository).branch(branch)
                .detectRenames(configuration.flag("scanner.renames"))
                .firstParent(configuration.flag("scanner.first-parent"))
                .includes(configuration.list("scanner.include")).excludes(configuration.list("scanner.exclude"))
                .maxCommits((int) configuration.number("scanner.max-commits"))
                .mailmap(configuration.flag("scanner.mailmap")).strict(configuration.flag("scanner.strict"))
                .diffAlgorithm(algorithm(configuration.text("scanner.diff-algorithm")))
                .since(time(configuration, "scanner.since", GitDate::since))
                .until(time(configuration, "scanner.until", GitDate::until));
        configuration.sections().forEach(request::settings);
        Map<String, Object> stored = new LinkedHashMap<>(configuration.sections().getOrDefault("store", Map.of()));
        stored.putAll(store);
        return request.settings("store", stored).build();
    }

    /** {@code [plugins] enabled}: the plugins that take part, all when empty. */
    static PluginSelection plugins(EffectiveConfiguration configuration) {
        List<String> enabled = configuration.list("plugins.enabled");
        return enabled.isEmpty() ? PluginSelection.ALL : PluginSelection.only(Set.copyOf(enabled));
    }

    private static DiffAlgorithm algorithm(String name) throws ConfigException {
        for (DiffAlgorithm algorithm : DiffAlgorithm.values()) {
            if (algorithm.optionName().equals(name)) {
                return algorithm;
            }
        }
        throw new ConfigException("scanner.diff-algorithm " + name + " is not allowed (use myers, histogram or minimal)");
    }

    private static Instant time(EffectiveConfiguration configuration, String key,
            BiFunction<String, Clock, Instant> parse) throws ConfigException {
        String text = configuration.text(key);
        if (text.isEmpty()) {
            return null;
        }
        try {
            return parse.apply(text, Clock.systemUTC());
        } catch (IllegalArgumentException e) {
            throw new ConfigException(key + " " + text + " is not allowed: " + e.getMessage());
        }
    }

    private static StandaloneConfiguration configuration(Path fleetFile) {
        return StandaloneConfiguration.of(definitions(), fleetFile);
    }

    /** The bundles' MetaType on this JVM's class path, read once. */
    private static List<Map.Entry<String, ObjectClassDefinition>> definitions() {
        List<Map.Entry<String, ObjectClassDefinition>> current = definitions;
        if (current == null) {
            synchronized (FleetConfiguration.class) {
                current = definitions;
                if (current == null) {
                    try {
                        current = List.copyOf(ClassPathMetaType.definitions(FleetConfiguration.class.getClassLoader()));
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot read the gstats bundles' MetaType: " + e.getMessage(), e);
                    }
                    definitions = current;
                }
            }
        }
        return current;
    }
}

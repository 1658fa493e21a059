package org.gstats.config.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

import org.gstats.config.api.ConfigException;
import org.gstats.config.api.ConfigRequest;
import org.gstats.config.api.EffectiveConfiguration;
import org.gstats.config.api.Rung;
import org.gstats.config.api.Setting;

/**
 * Folds the rungs into one configuration, lowest first so that a higher rung overwrites: the
 * schema's defaults, the shipped defaults file, the project config, the user config, the
 * {@code GSTATS_CONFIG} file, {@code GSTATS_*} variables, the {@code --config-file} file, and the
 * command-line options. Every call reads the files again (the defaults file's parsed form may be
 * {@linkplain ParsedDefaults kept}).
 */
final class Resolver {

    static final String PROJECT_FILE = ".gstats.toml";
    private static final String BUILT_IN = "built in";
    /**
     * Variables gstats reads that set no configuration key: read by bin/gstats and the launcher
     * before any configuration (the plugin folder, the class archive, the framework cache), or by the
     * scan store, which lets them override its keys (location and credentials).
     */
    private static final Set<String> OTHER_VARIABLES = Set.of(Sources.CONFIG_VARIABLE, "GSTATS_HOME",
            "GSTATS_PLUGIN_DIR", "GSTATS_CDS", "GSTATS_FRAMEWORK_CACHE", "GSTATS_STORE", "GSTATS_STORE_USER",
            "GSTATS_STORE_PASSWORD");

    private final Sources sources;
    private final Supplier<Schema> schemas;
    private final ParsedDefaults defaults;

    /** @param schemas the keys there are, asked for once per call */
    Resolver(Sources sources, Supplier<Schema> schemas) {
        this(sources, schemas, new ParsedDefaults(null));
    }

    /** @param defaults the defaults file's reads, kept */
    Resolver(Sources sources, Supplier<Schema> schemas, ParsedDefaults defaults) {
        this.sources = sources;
        this.schemas = schemas;
        this.defaults = defaults;
    }

    Schema schema() {
        return schemas.get();
    }

    EffectiveConfiguration resolve(ConfigRequest request) throws ConfigException {
        return resolve(request, schemas.get());
    }

    EffectiveConfiguration resolve(ConfigRequest request, Schema schema) throws ConfigException {
        List<String> warnings = new ArrayList<>(schema.problems());
        Map<String, Setting> settings = new LinkedHashMap<>();
        for (Key key : schema.keys()) {
            settings.put(key.id(), new Setting(key.id(), key.defaultValue(), Rung.DEFAULTS, BUILT_IN));
        }
        if (TomlReader.exists(sources.defaultsFile())) {
            putAll(settings, defaults.read(sources.defaultsFile(), warnings, schema));
        }
        if (request.repository() != null) {
            Path project = projectRoot(request.repository()).resolve(PROJECT_FILE);
            if (TomlReader.exists(project)) {
                putAll(settings, TomlReader.read(project, Rung.PROJECT, warnings, schema));
            }
        }
        if (TomlReader.exists(sources.userFile())) {
            putAll(settings, TomlReader.read(sources.userFile(), Rung.USER, warnings, schema));
        }
        String configVariable = sources.environment().get(Sources.CONFIG_VARIABLE);
        if (configVariable != null && !configVariable.isEmpty()) {
            putAll(settings, TomlReader.read(named(Path.of(configVariable), Sources.CONFIG_VARIABLE), Rung.ENVIRONMENT,
                    warnings, schema));
        }
        putAll(settings, environment(warnings, schema));
        if (sources.configFile() != null) {
            putAll(settings, TomlReader.read(named(sources.configFile(), "--config-file"), Rung.COMMAND_LINE,
                    warnings, schema));
        }
        Map<String, String> commandLine = new LinkedHashMap<>(sources.launcherOptions());
        commandLine.putAll(request.commandLine());
        putAll(settings, commandLine(commandLine, schema));
        Setting quiet = settings.get("base.quiet");
        Setting verbose = settings.get("base.verbose");
        // both are the logging bundle's keys: gstats without it (the fleet's tasks) has neither
        if (quiet != null && verbose != null && Boolean.TRUE.equals(quiet.value())
                && Boolean.TRUE.equals(verbose.value())) {
            throw new ConfigException("base.quiet (" + quiet.rung().label() + ", " + quiet.origin()
                    + ") and base.verbose (" + verbose.rung().label() + ", " + verbose.origin()
                    + ") are both true: set one of them to false");
        }
        return new EffectiveConfiguration(List.copyOf(settings.values()), warnings);
    }

    private static void putAll(Map<String, Setting> settings, List<Setting> layer) {
        layer.forEach(setting -> settings.put(setting.key(), setting));
    }

    private static Path named(Path file, String by) throws ConfigException {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException(by + " names " + file + ", which is not a file (give the path of a TOML file)");
        }
        return file;
    }

    private List<Setting> environment(List<String> warnings, Schema schema) throws ConfigException {
        Map<String, Key> byVariable = new LinkedHashMap<>();
        schema.keys().stream().filter(key -> key.environment() != null)
                .forEach(key -> byVariable.put(key.environment(), key));
        List<Setting> settings = new ArrayList<>();
        for (String variable : new TreeSet<>(sources.environment().keySet())) {
            if (!variable.startsWith("GSTATS_") || OTHER_VARIABLES.contains(variable)) {
                continue;
            }
            Key key = byVariable.get(variable);
            String text = sources.environment().get(variable);
            if (key == null) {
                warnings.add("environment variable " + variable + " is ignored: gstats does not know it (did you mean "
                        + Nearest.to(variable, byVariable.keySet()) + "?)");
                continue;
            }
            try {
                settings.add(new Setting(key.id(), key.type().fromText(text), Rung.ENVIRONMENT, variable));
            } catch (InvalidValue e) {
                throw new ConfigException("environment variable " + variable + "=" + text + " is not allowed: "
                        + key.id() + " takes " + e.getMessage());
            }
        }
        return settings;
    }

    private static List<Setting> commandLine(Map<String, String> values, Schema schema) throws ConfigException {
        List<Setting> settings = new ArrayList<>();
        for (Map.Entry<String, String> entry : values.entrySet()) {
            Key key = schema.key(entry.getKey()).orElseThrow(
                    () -> new IllegalArgumentException("no configuration key " + entry.getKey()));
            String option = key.option() != null ? key.option() : key.id();
            try {
                settings.add(new Setting(key.id(), key.type().fromText(entry.getValue()), Rung.COMMAND_LINE, option));
            } catch (InvalidValue e) {
                throw new ConfigException(option + " " + entry.getValue() + " is not allowed: " + key.id() + " takes "
                        + e.getMessage());
            }
        }
        return settings;
    }

    /** The work tree's top folder (the nearest folder up that holds {@code .git}), else the folder itself. */
    static Path projectRoot(Path repository) {
        Path start = repository.toAbsolutePath().normalize();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve(".git"))) {
                return dir;
            }
        }
        return start;
    }
}

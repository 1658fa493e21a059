package org.gstats.config.internal;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the rungs that do not depend on the scan come from.
 *
 * @param environment     the process environment ({@code GSTATS_CONFIG}, {@code GSTATS_*})
 * @param userFile        the user config file (it need not exist)
 * @param defaultsFile    the shipped defaults, or {@code null} for the schema's own
 * @param configFile      {@code --config-file}, or {@code null}
 * @param launcherOptions options given to the launcher before the command, by key
 */
record Sources(Map<String, String> environment, Path userFile, Path defaultsFile, Path configFile,
        Map<String, String> launcherOptions) {

    static final String CONFIG_VARIABLE = "GSTATS_CONFIG";
    static final String USER_FILE = "gstats/config.toml";

    Sources {
        environment = Map.copyOf(environment);
        launcherOptions = Map.copyOf(launcherOptions);
    }

    /** {@code $XDG_CONFIG_HOME/gstats/config.toml}, else {@code ~/.config/gstats/config.toml}. */
    static Path userFile(Map<String, String> environment, String userHome) {
        String xdg = environment.get("XDG_CONFIG_HOME");
        // the XDG base directory spec ignores a relative path
        if (xdg != null && !xdg.isEmpty() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg).resolve(USER_FILE);
        }
        return Path.of(userHome, ".config").resolve(USER_FILE);
    }
}

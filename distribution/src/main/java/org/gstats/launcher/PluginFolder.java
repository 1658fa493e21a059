package org.gstats.launcher;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The one place that decides which folder FileInstall watches for plugins. First match wins:
 * {@code --plugin-dir DIR}, then the environment variable {@value #ENVIRONMENT_VARIABLE}, then
 * {@value #PROPERTY} as {@code conf/framework.properties} or a {@code -D} system property sets it
 * (the installation's {@code plugins/} by default).
 */
final class PluginFolder {

    static final String ENVIRONMENT_VARIABLE = "GSTATS_PLUGIN_DIR";
    /** The framework property FileInstall reads. */
    static final String PROPERTY = "felix.fileinstall.dir";

    private PluginFolder() {
    }

    /**
     * The folder chosen on the command line or in the environment, absolute; empty when neither
     * names one and the configured default stands.
     *
     * @param option      the {@code --plugin-dir} value, or {@code null}
     * @param environment the {@value #ENVIRONMENT_VARIABLE} value, or {@code null}
     * @param currentDir  what a relative folder is resolved against
     * @throws CommandLine.UsageException when the chosen folder is not an existing directory
     */
    static Optional<Path> choose(String option, String environment, Path currentDir)
            throws CommandLine.UsageException {
        if (option != null) {
            return Optional.of(check(option, currentDir, CommandLine.PLUGIN_DIR_OPTION));
        }
        if (environment != null && !environment.isBlank()) {
            return Optional.of(check(environment, currentDir, ENVIRONMENT_VARIABLE));
        }
        return Optional.empty();
    }

    private static Path check(String text, Path currentDir, String source) throws CommandLine.UsageException {
        Path folder;
        try {
            folder = currentDir.resolve(text).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new CommandLine.UsageException("invalid plugin folder '" + text + "' (" + source + "): "
                    + e.getReason());
        }
        if (!Files.isDirectory(folder)) {
            throw new CommandLine.UsageException("the plugin folder " + folder + " (" + source
                    + ") is not a directory; create it or name another");
        }
        return folder;
    }
}

package org.gstats.api.scan;

import java.util.List;

/**
 * Whether a jar would load as a plugin here, as the framework's resolver sees it.
 *
 * @param loads        true when the bundle resolves against this gstats
 * @param symbolicName the bundle's symbolic name, {@code null} when the jar is no bundle
 * @param version      the bundle's version, {@code null} when the jar is no bundle
 * @param apiVersion   the {@code org.gstats.api} range it imports, {@code null} when it imports none
 * @param problems     one plain sentence per reason it would not load or not be a plugin
 * @since 1.1
 */
public record PluginValidation(boolean loads, String symbolicName, String version, String apiVersion,
        List<String> problems) {

    public PluginValidation {
        problems = List.copyOf(problems);
    }
}

package org.gstats.shell.internal;

import java.util.LinkedHashSet;
import java.util.Set;

import org.gstats.api.scan.PluginSelection;

/** {@code gstats:scan --plugins a,b}: the plugins chosen for one scan. */
final class PluginsArgument {

    private PluginsArgument() {
    }

    /**
     * The selection the option's value names; every plugin when the option is absent. Whether
     * the names exist is for the engine to say, which knows the plugins when the scan starts.
     */
    static PluginSelection selection(String value) throws CommandFailure {
        if (ScanArguments.ABSENT.equals(value)) {
            return PluginSelection.ALL;
        }
        String text = value == null ? "null" : value;
        Set<String> names = new LinkedHashSet<>();
        for (String name : text.split(",", -1)) {
            if (name.isBlank()) {
                throw CommandFailure.badUsage("--plugins needs plugin names separated by commas, e.g. commits,ownership"
                        + " (got '" + text + "')");
            }
            names.add(name.strip());
        }
        return PluginSelection.only(names);
    }
}

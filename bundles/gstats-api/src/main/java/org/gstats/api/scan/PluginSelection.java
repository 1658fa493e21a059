package org.gstats.api.scan;

import java.util.Collections;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Which plugins take part in one scan: every active one, or only the named ones.
 *
 * @param names the plugins' names; empty for all
 * @since 1.1
 */
public record PluginSelection(SortedSet<String> names) {

    public static final PluginSelection ALL = new PluginSelection(new TreeSet<>());

    public PluginSelection {
        names = Collections.unmodifiableSortedSet(new TreeSet<>(names));
    }

    public static PluginSelection only(Set<String> names) {
        return new PluginSelection(new TreeSet<>(names));
    }

    public boolean all() {
        return names.isEmpty();
    }

    public boolean includes(String name) {
        return names.isEmpty() || names.contains(name);
    }
}

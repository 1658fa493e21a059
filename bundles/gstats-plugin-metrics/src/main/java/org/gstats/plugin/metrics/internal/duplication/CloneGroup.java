package org.gstats.plugin.metrics.internal.duplication;

import java.util.List;

/**
 * Fragments with equal normalised tokens: the first one met (by path, then position) and every
 * copy of it.
 */
public record CloneGroup(int id, List<Fragment> fragments) {

    public CloneGroup {
        fragments = List.copyOf(fragments);
    }
}

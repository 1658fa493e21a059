package org.gstats.plugins.coupling.internal;

import java.util.Map;

/**
 * Which pairs count, as code-maat's coupling analysis has it.
 *
 * @param minRevisions     each file of a pair changed in at least this many commits (option
 *                         {@code coupling.min-revisions}, default 5)
 * @param minShared        the pair changed together in at least this many commits
 *                         ({@code coupling.min-shared}, default 5)
 * @param minDegree        coupling degree in percent at least this ({@code coupling.min-degree},
 *                         default 30)
 * @param maxChangesetSize commits that change more files than this are left out, as they couple
 *                         everything with everything ({@code coupling.max-changeset-size}, default 30)
 */
record CouplingThresholds(int minRevisions, int minShared, int minDegree, int maxChangesetSize) {

    static final CouplingThresholds DEFAULTS = new CouplingThresholds(5, 5, 30, 30);

    static CouplingThresholds from(Map<String, String> options) {
        return new CouplingThresholds(option(options, "min-revisions", DEFAULTS.minRevisions),
                option(options, "min-shared", DEFAULTS.minShared), option(options, "min-degree", DEFAULTS.minDegree),
                option(options, "max-changeset-size", DEFAULTS.maxChangesetSize));
    }

    private static int option(Map<String, String> options, String name, int fallback) {
        String key = CouplingPlugin.NAME + "." + name;
        String value = options.get(key);
        if (value == null) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value.trim());
            if (number < 0) {
                throw new NumberFormatException();
            }
            return number;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("option " + key + " must be a whole number of 0 or more, not '"
                    + value + "'", e);
        }
    }
}

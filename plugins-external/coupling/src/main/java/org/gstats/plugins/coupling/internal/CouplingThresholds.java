package org.gstats.plugins.coupling.internal;

import java.util.Map;
import java.util.function.IntSupplier;

import org.osgi.util.converter.ConversionException;
import org.osgi.util.converter.Converters;

/**
 * Which pairs count, as code-maat's coupling analysis has it; each from {@code [module.coupling]}
 * ({@link CouplingConfig}, where the defaults are).
 *
 * @param minRevisions     each file of a pair changed in at least this many commits ({@code min-revisions})
 * @param minShared        the pair changed together in at least this many commits ({@code min-shared})
 * @param minDegree        coupling degree in percent at least this ({@code min-degree})
 * @param maxChangesetSize commits that change more files than this are left out, as they couple
 *                         everything with everything ({@code max-changeset-size})
 */
record CouplingThresholds(int minRevisions, int minShared, int minDegree, int maxChangesetSize) {

    static final CouplingThresholds DEFAULTS = from(Map.of());

    /** @param settings a scan's {@code [module.coupling]} settings, property names with dots ({@code min.degree}) */
    static CouplingThresholds from(Map<String, ?> settings) {
        CouplingConfig config = Converters.standardConverter().convert(settings).to(CouplingConfig.class);
        return new CouplingThresholds(count(config::min_revisions, "min-revisions", settings),
                count(config::min_shared, "min-shared", settings), count(config::min_degree, "min-degree", settings),
                count(config::max_changeset_size, "max-changeset-size", settings));
    }

    private static int count(IntSupplier value, String key, Map<String, ?> settings) {
        try {
            int number = value.getAsInt();
            if (number >= 0) {
                return number;
            }
        } catch (ConversionException | NumberFormatException e) {
            // named below, with the value as given
        }
        throw new IllegalArgumentException("[module.coupling] " + key + " takes a whole number of 0 or more, not '"
                + settings.get(key.replace('-', '.')) + "'");
    }
}

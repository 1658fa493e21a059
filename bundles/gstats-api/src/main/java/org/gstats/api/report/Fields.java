package org.gstats.api.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Named single values, in the order given (e.g. a plugin's totals). Renders as a JSON object.
 */
public record Fields(String name, Map<String, Object> values) implements ReportItem {

    public Fields {
        Objects.requireNonNull(name, "name");
        values.values().forEach(Values::check);
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }
}

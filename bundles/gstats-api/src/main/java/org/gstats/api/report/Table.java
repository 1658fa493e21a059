package org.gstats.api.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Rows of values under named columns (e.g. one row per author). Renders as a JSON array of
 * objects and as a CSV file.
 */
public record Table(String name, List<String> columns, List<List<Object>> rows) implements ReportItem {

    public Table {
        Objects.requireNonNull(name, "name");
        columns = List.copyOf(columns);
        List<List<Object>> copied = new ArrayList<>(rows.size());
        for (List<Object> row : rows) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException("table " + name + ": row has " + row.size()
                        + " values for " + columns.size() + " columns");
            }
            row.forEach(Values::check);
            copied.add(Collections.unmodifiableList(new ArrayList<>(row)));
        }
        rows = Collections.unmodifiableList(copied);
    }

    /** Collects rows for a table whose columns are known up front. */
    public static Builder builder(String name, String... columns) {
        return new Builder(name, Arrays.asList(columns));
    }

    public static final class Builder {
        private final String name;
        private final List<String> columns;
        private final List<List<Object>> rows = new ArrayList<>();

        private Builder(String name, List<String> columns) {
            this.name = name;
            this.columns = columns;
        }

        public Builder row(Object... values) {
            rows.add(Arrays.asList(values));
            return this;
        }

        public Table build() {
            return new Table(name, columns, rows);
        }
    }
}

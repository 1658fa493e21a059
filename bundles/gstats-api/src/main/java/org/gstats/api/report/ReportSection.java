package org.gstats.api.report;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One plugin's results, named after the plugin. */
public record ReportSection(String name, List<ReportItem> items) {

    public ReportSection {
        Objects.requireNonNull(name, "name");
        items = List.copyOf(items);
    }

    public Optional<ReportItem> item(String itemName) {
        return items.stream().filter(i -> i.name().equals(itemName)).findFirst();
    }
}

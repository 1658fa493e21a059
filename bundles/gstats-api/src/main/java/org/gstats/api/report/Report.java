package org.gstats.api.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The result of one scan: header, one section per plugin, and the errors met on the way. */
public record Report(ReportHeader header, List<ReportSection> sections, List<ReportError> errors) {

    /**
     * The engine's own section (how each plugin ran, memory, pressure), beside one per plugin; no
     * plugin may take its name.
     *
     * @since 1.4
     */
    public static final String ENGINE_SECTION = "plugins";

    public Report {
        sections = List.copyOf(sections);
        errors = List.copyOf(errors);
    }

    public Optional<ReportSection> section(String name) {
        return sections.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /**
     * Every item's name as {@code SECTION.ITEM} (e.g. {@code commits.totals}), in report order.
     *
     * @since 1.1
     */
    public List<String> itemNames() {
        List<String> names = new ArrayList<>();
        for (ReportSection section : sections) {
            for (ReportItem item : section.items()) {
                names.add(section.name() + "." + item.name());
            }
        }
        return names;
    }

    /**
     * The item named {@code SECTION.ITEM}, as {@link #itemNames()} lists it.
     *
     * @since 1.1
     */
    public Optional<ReportItem> item(String qualifiedName) {
        for (ReportSection section : sections) {
            for (ReportItem item : section.items()) {
                if (qualifiedName.equals(section.name() + "." + item.name())) {
                    return Optional.of(item);
                }
            }
        }
        return Optional.empty();
    }
}

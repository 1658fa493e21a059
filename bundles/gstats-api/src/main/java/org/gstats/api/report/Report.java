package org.gstats.api.report;

import java.util.List;
import java.util.Optional;

/** The result of one scan: header, one section per plugin, and the errors met on the way. */
public record Report(ReportHeader header, List<ReportSection> sections, List<ReportError> errors) {

    public Report {
        sections = List.copyOf(sections);
        errors = List.copyOf(errors);
    }

    public Optional<ReportSection> section(String name) {
        return sections.stream().filter(s -> s.name().equals(name)).findFirst();
    }
}

package org.gstats.plugin.export.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/**
 * {@code [module.export]}: how a scan's report is written. The command that writes the report
 * reads it from the scan's settings, the CSV writer from Configuration Admin; this type declares
 * the keys, their defaults and their checks for gstats-config.
 */
@ObjectClassDefinition(pid = ExportConfiguration.PID, name = "gstats export",
        description = "[module.export] of the gstats configuration: the report's format and target")
@interface ExportConfiguration {

    String PID = "org.gstats.module.export";

    @AttributeDefinition(name = "--format GSTATS_FORMAT", description = "report format: text, json, csv, xml, yaml, "
            + "html or a plugin's (empty: text on a terminal, json otherwise)")
    String format() default "";

    @AttributeDefinition(name = "--output", description = "write the report to this file (empty: standard output)")
    String output_path() default "";

    @AttributeDefinition(name = "--pretty", description = "indent json, xml and yaml for people")
    boolean pretty() default false;

    @AttributeDefinition(description = "how csv lines end: lf, or crlf as RFC 4180 writes",
            options = {@Option(value = "lf"), @Option(value = "crlf")})
    String csv_line_ending() default "lf";
}

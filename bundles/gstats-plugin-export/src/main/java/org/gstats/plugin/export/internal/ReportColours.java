package org.gstats.plugin.export.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/**
 * The part of {@code [base]} that colours the text report. The scan command reads it from the
 * scan's settings and hands it to the text writer; this type declares the keys, their defaults
 * and their checks for gstats-config (published with the rest of {@code [base]}).
 */
@ObjectClassDefinition(pid = ReportColours.PID, name = "gstats report colours",
        description = "[base] of the gstats configuration: the text report's colours")
@interface ReportColours {

    String PID = "org.gstats.base";

    @AttributeDefinition(name = "--color",
            description = "colour the text report: auto (on a terminal, unless NO_COLOR is set), always or never",
            options = {@Option(value = "auto"), @Option(value = "always"), @Option(value = "never")})
    String color() default "auto";

    @AttributeDefinition(description = "the text report's colours for a dark or a light terminal background",
            options = {@Option(value = "dark"), @Option(value = "light")})
    String theme() default "dark";
}

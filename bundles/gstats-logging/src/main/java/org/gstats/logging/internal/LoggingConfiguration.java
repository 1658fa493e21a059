package org.gstats.logging.internal;

import java.nio.file.Path;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/**
 * Gives the sink the settings of {@code [base]}, as Configuration Admin hands them over: at
 * start, and again whenever the configuration changes (a config file edited, an option given to
 * a command).
 */
@Component(service = {}, immediate = true, configurationPid = LoggingConfiguration.PID)
@Designate(ocd = LoggingConfiguration.Base.class)
public final class LoggingConfiguration {

    static final String PID = "org.gstats.base";

    /** {@code [base]} of the gstats configuration. */
    @ObjectClassDefinition(name = "gstats logging", description = "[base] of the gstats configuration")
    public @interface Base {

        @AttributeDefinition(name = "-v --verbose GSTATS_VERBOSE",
                description = "log details (debug level) on stderr, and print stack traces with errors")
        boolean verbose() default false;

        @AttributeDefinition(name = "--quiet GSTATS_QUIET", description = "print only results and errors")
        boolean quiet() default false;

        @AttributeDefinition(name = "--log-format GSTATS_LOG_FORMAT",
                description = "log lines as text, or as one JSON object per line",
                options = {@Option(value = "text"), @Option(value = "json")})
        String log_format() default "text";

        @AttributeDefinition(name = "--log-file GSTATS_LOG_FILE",
                description = "also write log lines to this file (empty: stderr only)")
        String log_file() default "";
    }

    @Activate
    @Modified
    void configure(Base base) {
        LogSink.INSTANCE.configure(settings(base));
    }

    static LogSettings settings(Base base) {
        String file = base.log_file();
        return new LogSettings(base.verbose(), base.quiet(), "json".equals(base.log_format()),
                file == null || file.isEmpty() ? null : Path.of(file).toAbsolutePath());
    }

    @Deactivate
    void deactivate() {
        LogSink.INSTANCE.closeFile();
    }
}

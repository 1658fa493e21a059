package org.gstats.logging.internal;

import java.nio.file.Path;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

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

        @AttributeDefinition(description = "log details, print stack traces")
        boolean verbose() default false;

        @AttributeDefinition(description = "errors only")
        boolean quiet() default false;

        @AttributeDefinition(description = "text or json")
        String log_format() default "text";

        @AttributeDefinition(description = "also write log lines to this file (empty: stderr only)")
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

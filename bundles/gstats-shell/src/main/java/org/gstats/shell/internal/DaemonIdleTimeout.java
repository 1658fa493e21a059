package org.gstats.shell.internal;

import java.util.function.LongSupplier;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/**
 * The {@code [daemon]} settings of the warm process that runs bin/gstats' commands
 * (docs/daemon.md). bin/gstats reads {@code mode} before any JVM starts; the daemon asks this
 * service, by its {@value #PROPERTY} property, how long it may stay idle. The service type is a
 * JDK interface so that the launcher, outside the framework, shares it without an exported package.
 */
@Component(service = LongSupplier.class, configurationPid = DaemonIdleTimeout.PID,
        property = DaemonIdleTimeout.PROPERTY + "=idle-timeout")
@Designate(ocd = DaemonIdleTimeout.Daemon.class)
public final class DaemonIdleTimeout implements LongSupplier {

    static final String PID = "org.gstats.daemon";
    /** The service property the launcher filters on. */
    static final String PROPERTY = "gstats.daemon.setting";

    @ObjectClassDefinition(name = "gstats daemon", description = "[daemon] of the gstats configuration")
    @interface Daemon {

        @AttributeDefinition(name = "GSTATS_DAEMON",
                description = "run commands in a warm background gstats process: auto (not when CI or JAVA_OPTS is "
                        + "set), on, or off",
                options = {@Option(value = "auto"), @Option(value = "on"), @Option(value = "off")})
        String mode() default "auto";

        @AttributeDefinition(name = "GSTATS_DAEMON_IDLE_TIMEOUT", min = "1",
                description = "seconds the daemon waits for a command before it exits")
        int idle_timeout() default 600;
    }

    private volatile long seconds;

    @Activate
    @Modified
    void configure(Daemon settings) {
        seconds = settings.idle_timeout();
    }

    /** The idle timeout in seconds. */
    @Override
    public long getAsLong() {
        return seconds;
    }
}

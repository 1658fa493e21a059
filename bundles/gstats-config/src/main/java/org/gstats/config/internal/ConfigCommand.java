package org.gstats.config.internal;

import java.io.PrintStream;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.Map;

import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.apache.felix.service.command.annotations.GogoCommand;
import org.gstats.config.api.ConfigException;
import org.gstats.config.api.ConfigRequest;
import org.gstats.config.api.GstatsConfiguration;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.MetaTypeService;

/**
 * {@code gstats:config [--defaults] [PATH]}: the effective configuration for a scan of PATH, each
 * key with the rung that set it; or the commented defaults file. Keeps the launcher's exit-code
 * contract: {@value #EXIT} is 0, 2 for a configuration that cannot be used, 1 for a failure.
 */
@Component(service = Object.class)
@GogoCommand(scope = "gstats", function = "config")
public class ConfigCommand {

    static final String EXIT = "gstats.exit";
    static final int BAD_INPUT = 2;
    static final int FAILED = 1;

    private final GstatsConfiguration configuration;
    private final InstalledSchema schemas;

    /** @param metaTypes the schema, which writes each value as its key's type is written in TOML */
    @Activate
    public ConfigCommand(BundleContext context, @Reference GstatsConfiguration configuration,
            @Reference MetaTypeService metaTypes) {
        this.configuration = configuration;
        this.schemas = new InstalledSchema(context, metaTypes);
    }

    @Descriptor("show the configuration in effect, each key with where it came from")
    public void config(CommandSession session,
            @Descriptor("print a configuration file with every key at its default, commented")
            @Parameter(names = "--defaults", absentValue = "false", presentValue = "true") boolean defaults,
            @Descriptor("the repository whose .gstats.toml counts (default: the current directory)")
            String... operands) throws ConfigException {
        PrintStream out = session.getConsole();
        try {
            if (defaults) {
                if (operands.length > 0) {
                    throw new ConfigException("--defaults takes no path, got '" + operands[0] + "'");
                }
                out.print(configuration.defaultsFile());
            } else {
                out.print(DefaultsFile.effective(configuration.resolve(new ConfigRequest(repository(session, operands),
                        Map.of())), schemas.get()));
            }
            out.flush();
            session.put(EXIT, 0);
        } catch (ConfigException e) {
            session.put(EXIT, BAD_INPUT);
            throw e;
        } catch (RuntimeException e) {
            session.put(EXIT, FAILED);
            throw e;
        }
    }

    private static Path repository(CommandSession session, String[] operands) throws ConfigException {
        Path dir = session.currentDir() != null ? session.currentDir()
                : Paths.get(System.getProperty("user.dir")).toAbsolutePath();
        if (operands.length == 0) {
            return dir;
        }
        if (operands.length > 1 || operands[0] == null || operands[0].startsWith("-")) {
            throw new ConfigException("usage: gstats config [--defaults] [PATH] (got '" + String.join(" ",
                    Arrays.stream(operands).map(String::valueOf).toList()) + "')");
        }
        try {
            return dir.resolve(operands[0]).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new ConfigException("invalid path '" + operands[0] + "' (" + e.getReason() + ")");
        }
    }
}

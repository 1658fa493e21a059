package org.gstats.config.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.gstats.config.api.ConfigException;
import org.gstats.config.api.ConfigRequest;
import org.gstats.config.api.EffectiveConfiguration;
import org.gstats.config.api.GstatsConfiguration;
import org.osgi.service.metatype.ObjectClassDefinition;

/**
 * The configuration hierarchy without a framework, for gstats run as plain libraries (the
 * fleet's Spark tasks): the same schema rules, files and checks as the service, over object
 * classes the caller read from the bundles' MetaType files, and nothing published anywhere.
 * The rungs are the schema's defaults, then {@code defaultsFile} where the service reads the
 * shipped defaults, then the repository's {@code .gstats.toml}, then the command line; no user
 * file and no environment, which on a cluster would be each executor's and not the caller's.
 */
public final class StandaloneConfiguration implements GstatsConfiguration {

    /** A repository's own configuration file, in its work tree's root. */
    public static final String PROJECT_FILE = Resolver.PROJECT_FILE;

    private final Resolver resolver;

    private StandaloneConfiguration(Resolver resolver) {
        this.resolver = resolver;
    }

    /**
     * @param definitions  the object classes, each with the PID it is designated for
     *                     ({@link ClassPathMetaType#definitions})
     * @param defaultsFile a configuration file under every repository's own, or {@code null}
     */
    public static StandaloneConfiguration of(List<Map.Entry<String, ObjectClassDefinition>> definitions,
            Path defaultsFile) {
        Schema schema = Schema.of(definitions.stream()
                .map(entry -> new Schema.Declaration(entry.getKey(), entry.getValue())).toList());
        return new StandaloneConfiguration(new Resolver(new Sources(Map.of(), null, defaultsFile, null, Map.of()),
                () -> schema));
    }

    @Override
    public EffectiveConfiguration resolve(ConfigRequest request) throws ConfigException {
        return resolver.resolve(request);
    }

    @Override
    public String defaultsFile() {
        return DefaultsFile.render(resolver.schema());
    }
}

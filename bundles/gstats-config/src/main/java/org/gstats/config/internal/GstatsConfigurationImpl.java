package org.gstats.config.internal;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.gstats.config.api.ConfigException;
import org.gstats.config.api.ConfigRequest;
import org.gstats.config.api.EffectiveConfiguration;
import org.gstats.config.api.GstatsConfiguration;
import org.gstats.config.api.Setting;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.MetaTypeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The configuration hierarchy as a service. Configuration Admin holds the installation's
 * settings (the defaults, the user's and the {@code GSTATS_CONFIG} files, the environment, the
 * launcher's options) and the process-wide keys (logging, memory, caches) of the latest command;
 * they are published at activation and again by each command when they changed, without
 * waiting for components. What a repository's {@code .gstats.toml} or a command line sets for a
 * scan is returned to the caller, which puts it in the scan's request. The keys there are come
 * from the installed bundles' MetaType at every command ({@link Schema}).
 *
 * <p>Framework properties, set by the launcher: {@value #DEFAULTS_PROPERTY} (the shipped
 * defaults file), {@value #CONFIG_FILE_PROPERTY} ({@code --config-file}),
 * {@value #USER_FILE_PROPERTY} (another user config file than the XDG one) and
 * {@code gstats.option.KEY} for the options given before the command.
 */
@Component(service = GstatsConfiguration.class, immediate = true)
public final class GstatsConfigurationImpl implements GstatsConfiguration {

    static final String DEFAULTS_PROPERTY = "gstats.config.defaults";
    static final String CONFIG_FILE_PROPERTY = "gstats.config.file";
    static final String USER_FILE_PROPERTY = "gstats.config.user";
    static final String OPTION_PREFIX = "gstats.option.";

    private static final Logger LOG = LoggerFactory.getLogger("gstats.config");
    private static final ConfigRequest INSTALLATION = new ConfigRequest(null, Map.of());

    private final Resolver resolver;
    private final Publisher publisher;

    /** @param metaTypes the one schema of the configuration: the installed bundles' MetaType */
    @Activate
    public GstatsConfigurationImpl(BundleContext context, @Reference ConfigurationAdmin admin,
            @Reference MetaTypeService metaTypes) {
        InstalledSchema schemas = new InstalledSchema(context, metaTypes);
        File kept = context.getDataFile(ParsedDefaults.FILE);
        this.resolver = new Resolver(sources(context::getProperty, System.getenv(), schemas.get()), schemas,
                new ParsedDefaults(kept == null ? null : kept.toPath()));
        this.publisher = new Publisher(admin);
        try {
            Schema schema = resolver.schema();
            publisher.publish(resolver.resolve(INSTALLATION, schema), schema);
        } catch (ConfigException e) {
            // the command that runs next resolves again and reports it to the user
            LOG.debug("configuration not published at start: {}", e.getMessage());
        } catch (IOException e) {
            LOG.error("configuration not published at start: {}", e.getMessage());
        }
    }

    GstatsConfigurationImpl(Resolver resolver, Publisher publisher) {
        this.resolver = resolver;
        this.publisher = publisher;
    }

    /** What to read, from framework properties and the environment; options by the schema's keys. */
    static Sources sources(Function<String, String> properties, Map<String, String> environment, Schema schema) {
        String user = properties.apply(USER_FILE_PROPERTY);
        Path userFile = user != null && !user.isEmpty() ? Path.of(user)
                : Sources.userFile(environment, System.getProperty("user.home"));
        String defaults = properties.apply(DEFAULTS_PROPERTY);
        String configFile = properties.apply(CONFIG_FILE_PROPERTY);
        Map<String, String> options = new LinkedHashMap<>();
        for (String id : schema.ids()) {
            String value = properties.apply(OPTION_PREFIX + id);
            if (value != null) {
                options.put(id, value);
            }
        }
        return new Sources(environment, userFile, defaults == null || defaults.isEmpty() ? null : Path.of(defaults),
                configFile == null || configFile.isEmpty() ? null : Path.of(configFile), options);
    }

    @Override
    public EffectiveConfiguration resolve(ConfigRequest request) throws ConfigException {
        Schema schema = resolver.schema();
        EffectiveConfiguration configuration = resolver.resolve(request, schema);
        configuration.warnings().forEach(LOG::warn);
        try {
            publisher.publish(published(configuration, resolver.resolve(INSTALLATION, schema), schema), schema);
        } catch (IOException e) {
            throw new ConfigException("the configuration could not be handed to Configuration Admin: "
                    + e.getMessage());
        }
        return configuration;
    }

    /** The installation's settings, with the process-wide keys as this command has them. */
    static EffectiveConfiguration published(EffectiveConfiguration command, EffectiveConfiguration installation,
            Schema schema) {
        List<Setting> settings = new ArrayList<>();
        for (Setting setting : installation.settings()) {
            settings.add(schema.process(setting.key()) ? command.setting(setting.key()).orElse(setting) : setting);
        }
        return new EffectiveConfiguration(settings, List.of());
    }

    @Override
    public String defaultsFile() {
        return DefaultsFile.render(resolver.schema());
    }
}

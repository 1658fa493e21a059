package org.gstats.config.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import org.gstats.config.api.ConfigException;
import org.gstats.config.api.ConfigRequest;
import org.gstats.config.api.EffectiveConfiguration;
import org.gstats.config.api.GstatsConfiguration;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.cm.ConfigurationEvent;
import org.osgi.service.cm.ConfigurationListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The configuration hierarchy as a service. At activation it publishes what the files and the
 * environment say, so that components start with their settings; each command then resolves
 * again (files may have been edited) with its own options and publishes the changes.
 *
 * <p>Framework properties, set by the launcher: {@value #DEFAULTS_PROPERTY} (the shipped
 * defaults file), {@value #CONFIG_FILE_PROPERTY} ({@code --config-file}),
 * {@value #USER_FILE_PROPERTY} (another user config file than the XDG one) and
 * {@code gstats.option.KEY} for the options given before the command.
 */
@Component(service = {GstatsConfiguration.class, ConfigurationListener.class}, immediate = true)
public final class GstatsConfigurationImpl implements GstatsConfiguration, ConfigurationListener {

    static final String DEFAULTS_PROPERTY = "gstats.config.defaults";
    static final String CONFIG_FILE_PROPERTY = "gstats.config.file";
    static final String USER_FILE_PROPERTY = "gstats.config.user";
    static final String OPTION_PREFIX = "gstats.option.";

    private static final Logger LOG = LoggerFactory.getLogger("gstats.config");

    private final Resolver resolver;
    private final Publisher publisher;

    @Activate
    public GstatsConfigurationImpl(BundleContext context, @Reference ConfigurationAdmin admin) {
        this(new Resolver(sources(context::getProperty, System.getenv())), new Publisher(admin));
        try {
            publisher.publish(resolver.resolve(new ConfigRequest(null, Map.of())), false);
        } catch (ConfigException e) {
            // the command that runs next resolves again and reports it to the user
            LOG.debug("configuration not published at start: {}", e.getMessage());
        } catch (IOException e) {
            LOG.error("configuration not published at start: {}", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    GstatsConfigurationImpl(Resolver resolver, Publisher publisher) {
        this.resolver = resolver;
        this.publisher = publisher;
    }

    /** What to read, from framework properties and the environment. */
    static Sources sources(Function<String, String> properties, Map<String, String> environment) {
        String user = properties.apply(USER_FILE_PROPERTY);
        Path userFile = user != null && !user.isEmpty() ? Path.of(user)
                : Sources.userFile(environment, System.getProperty("user.home"));
        String defaults = properties.apply(DEFAULTS_PROPERTY);
        String configFile = properties.apply(CONFIG_FILE_PROPERTY);
        Map<String, String> options = new LinkedHashMap<>();
        for (String id : KeyTable.ids()) {
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
        EffectiveConfiguration configuration = resolver.resolve(request);
        configuration.warnings().forEach(LOG::warn);
        return configuration;
    }

    @Override
    public EffectiveConfiguration apply(ConfigRequest request) throws ConfigException {
        EffectiveConfiguration configuration = resolve(request);
        try {
            publisher.publish(configuration, true);
        } catch (IOException e) {
            throw new ConfigException("the configuration could not be handed to Configuration Admin: "
                    + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConfigException("interrupted while handing the configuration to Configuration Admin");
        }
        return configuration;
    }

    @Override
    public String defaultsFile() {
        return DefaultsFile.render();
    }

    @Override
    public void configurationEvent(ConfigurationEvent event) {
        try {
            publisher.configurationEvent(event);
        } catch (IOException e) {
            LOG.error("cannot read the configuration barrier: {}", e.getMessage());
        }
    }
}

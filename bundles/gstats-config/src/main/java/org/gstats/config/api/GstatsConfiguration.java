package org.gstats.config.api;

/**
 * The configuration hierarchy of gstats. Every resolution reads the files again, so an edited
 * file counts from the next command on.
 */
public interface GstatsConfiguration {

    /** The effective configuration for the request, without changing what components have. */
    EffectiveConfiguration resolve(ConfigRequest request) throws ConfigException;

    /**
     * Resolves, then updates the Configuration Admin configurations that changed and returns
     * once the components that receive them have been given the new values.
     */
    EffectiveConfiguration apply(ConfigRequest request) throws ConfigException;

    /** A configuration file that sets every key to its default, each with a comment. */
    String defaultsFile();
}

package org.gstats.config.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The configuration hierarchy of gstats. Every resolution reads the files again, so an edited
 * file counts from the next command on.
 */
@ProviderType
public interface GstatsConfiguration {

    /**
     * The effective configuration for a scan of the request's repository with its command line:
     * what the caller puts in the scan's request ({@link EffectiveConfiguration#sections()}).
     * Components that serve the whole process (logging, memory) receive the installation's
     * settings and the process-wide keys through Configuration Admin, updated when they changed,
     * without waiting.
     */
    EffectiveConfiguration resolve(ConfigRequest request) throws ConfigException;

    /** A configuration file that sets every key to its default, each with a comment. */
    String defaultsFile();
}

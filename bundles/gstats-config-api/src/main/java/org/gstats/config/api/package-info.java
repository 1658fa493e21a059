/**
 * The effective gstats configuration: what each key is set to and which rung of the
 * hierarchy (command line, environment, user config, project config, defaults) set it.
 * Components that serve the whole process receive their settings through Configuration Admin;
 * what a scan sets travels in its request. This package is for the commands that show the
 * configuration or start a scan with it.
 */
@Export
@Version("2.0.0")
package org.gstats.config.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;

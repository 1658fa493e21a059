/**
 * Real repositories built with the git CLI, what C git says about them, and one plugin run over
 * a real scan. Test use only.
 */
@Export
@Version("1.3.0")
package org.gstats.testkit;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;

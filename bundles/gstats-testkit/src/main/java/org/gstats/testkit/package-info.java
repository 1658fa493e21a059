/** Real repositories built with the git CLI, and what C git says about them. Test use only. */
@Export
@Version("1.0.0")
package org.gstats.testkit;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;

/**
 * The SLF4J 1.7 binding contract: slf4j-api imports this package and finds the logger, MDC and
 * marker factories through these three classes.
 */
@Export(substitution = Export.Substitution.NOIMPORT)
@Version("1.7.36")
package org.slf4j.impl;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;

/**
 * Notifications: {@link org.gstats.api.notify.NotificationPlugin}s hear what gstats does (scans
 * starting, progressing, finishing or failing; plugins arriving, leaving, failing or disabled)
 * as {@link org.gstats.api.notify.Notification}s, delivered asynchronously through OSGi
 * EventAdmin on the topics {@link org.gstats.api.notify.Notification} names.
 */
@Export
@Version("1.0.0")
package org.gstats.api.notify;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;

package org.gstats.scanner.internal;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

import org.eclipse.jgit.errors.ConfigInvalidException;
import org.eclipse.jgit.internal.JGitText;
import org.eclipse.jgit.util.SystemReader;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads JGit's process-wide state on a thread of its own while the framework starts, in a process
 * the launcher started for one direct scan (the framework property {@value #PROPERTY}), so that the
 * scan's first open of a repository does not: the file system's detection, the system and user git
 * configurations, whose place JGit asks the git executable for (a process of its own), and its
 * messages, which it loads on its first look at a pack. JGit keeps them for the process; an open
 * still reads a configuration file changed since. Other commands never open a repository, and a
 * process that lives on loads them at its first scan.
 */
@Component(service = {})
public final class JGitWarmUp {

    /** The framework property, {@code true} in a direct scan's process. */
    public static final String PROPERTY = "gstats.scanner.warm-up";

    private static final Logger LOG = LoggerFactory.getLogger("gstats.scanner");

    @Activate
    public JGitWarmUp(BundleContext context) {
        if (Boolean.parseBoolean(context.getProperty(PROPERTY))) {
            Thread thread = new Thread(JGitWarmUp::warm, "gstats-jgit-warm-up");
            thread.setDaemon(true);
            thread.start();
        }
    }

    private static void warm() {
        long start = System.nanoTime();
        try {
            SystemReader.getInstance().getUserConfig();
            JGitText.get();
            LOG.debug("JGit's git configurations and messages loaded beside the framework's start in {} ms",
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        } catch (IOException | ConfigInvalidException | RuntimeException e) {
            // a scan loads them again, and says what is wrong with them where it matters
        }
    }
}

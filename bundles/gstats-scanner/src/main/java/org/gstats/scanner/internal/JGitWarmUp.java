package org.gstats.scanner.internal;

import java.io.IOException;

import org.eclipse.jgit.errors.ConfigInvalidException;
import org.eclipse.jgit.internal.JGitText;
import org.eclipse.jgit.util.SystemReader;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * Loads JGit's process-wide state on a thread of its own while the framework starts, so that a
 * scan's first open of a repository does not: the file system's detection, the system and user git
 * configurations, whose place JGit asks the git executable for (a process of its own), and its
 * messages, which it loads on its first look at a pack. JGit keeps them for the process; an open
 * still reads a configuration file changed since.
 */
@Component(service = {})
public final class JGitWarmUp {

    @Activate
    public JGitWarmUp() {
        Thread thread = new Thread(JGitWarmUp::warm, "gstats-jgit-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    private static void warm() {
        try {
            SystemReader.getInstance().getUserConfig();
            JGitText.get();
        } catch (IOException | ConfigInvalidException | RuntimeException e) {
            // a scan loads them again, and says what is wrong with them where it matters
        }
    }
}

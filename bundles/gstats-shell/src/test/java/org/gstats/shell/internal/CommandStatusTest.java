package org.gstats.shell.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import org.junit.After;
import org.junit.Test;

/**
 * A command's failure reaches Gogo, and so the launcher, as a {@link CommandFailure} with one
 * line and its exit code, whatever was thrown: Gogo would wrap an {@link Error} in its
 * reflection call, and the user would read a Java class name.
 */
public class CommandStatusTest {

    private final GogoSession gogo = new GogoSession();

    @After
    public void tearDown() {
        gogo.close();
    }

    /** Throws what it is given, inside {@link CommandStatus#run}. */
    public static final class Thrower {
        private final Throwable failure;

        Thrower(Throwable failure) {
            this.failure = failure;
        }

        public void fail(org.apache.felix.service.command.CommandSession session) throws Exception {
            CommandStatus.run(session, false, () -> {
                if (failure instanceof Error error) {
                    throw error;
                }
                throw (RuntimeException) failure;
            });
        }
    }

    @Test
    public void outOfMemoryIsOneLineWithWhatToDo() {
        Exception failure = gogo.register("fail", new Thrower(new OutOfMemoryError("Java heap space")))
                .execute("gstats:fail");

        assertTrue(String.valueOf(failure), failure instanceof CommandFailure);
        assertEquals("out of memory (give the JVM more heap, e.g. JAVA_OPTS=-Xmx1g, or scan fewer commits)",
                failure.getMessage());
        assertEquals(1, gogo.exitCode());
    }

    @Test
    public void inTheInteractiveShellTheFailureIsPrintedAsOneLineWithoutItsClass() {
        gogo.session().put(CommandStatus.INTERACTIVE, Boolean.TRUE);

        Exception failure = gogo.register("fail", new Thrower(new OutOfMemoryError("Java heap space")))
                .execute("gstats:fail");

        assertNull(failure);
        assertEquals("gstats: out of memory (give the JVM more heap, e.g. JAVA_OPTS=-Xmx1g, or scan fewer commits)\n",
                gogo.err());
        assertEquals(1, gogo.exitCode());
    }

    @Test
    public void failureWithoutMessageNamesNoClass() {
        Exception failure = gogo.register("fail", new Thrower(new NullPointerException())).execute("gstats:fail");

        assertEquals("unexpected failure: an internal error without a message (run with --verbose for the details)",
                failure.getMessage());
        assertEquals(1, gogo.exitCode());
    }
}

package org.gstats.launcher;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertSame;

import java.lang.reflect.InvocationTargetException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import org.junit.Test;

/** What the launcher prints for a failure that reaches it: the cause under the wrappers, in words. */
public class FailuresTest {

    @Test
    public void outOfMemoryUnderGogosReflectionCallIsSaidInWords() {
        InvocationTargetException wrapped = new InvocationTargetException(new OutOfMemoryError("Java heap space"));

        assertEquals("out of memory (give the JVM more heap, e.g. JAVA_OPTS=-Xmx1g, or scan fewer commits)",
                Failures.oneLine(wrapped));
    }

    @Test
    public void executionWrappersAreUnwrappedToTheCause() {
        IllegalStateException cause = new IllegalStateException("the pack is gone\nsecond line");
        ExecutionException wrapped = new ExecutionException(new CompletionException(cause));

        assertSame(cause, Failures.cause(wrapped));
        assertEquals("the pack is gone", Failures.oneLine(wrapped));
    }

    @Test
    public void aFailureWithoutMessageNamesNoClass() {
        assertEquals("an internal error without a message (run with --verbose for the details)",
                Failures.oneLine(new InvocationTargetException(new NullPointerException())));
        assertEquals("interrupted", Failures.oneLine(new InterruptedException()));
    }

    @Test
    public void aWrapperWithoutCauseIsItself() {
        InvocationTargetException alone = new InvocationTargetException(null, "reflection failed");

        assertSame(alone, Failures.cause(alone));
        assertEquals("reflection failed", Failures.oneLine(alone));
    }
}

package org.gstats.launcher;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.UndeclaredThrowableException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * A failure as the user reads it: the cause under the wrappers that reflection and executors
 * put around it (Gogo calls every command through reflection), in one line, never a Java class
 * name; the stack trace is for {@code --verbose}.
 */
final class Failures {

    private Failures() {
    }

    /** What really went wrong: the innermost of the reflection and execution wrappers. */
    static Throwable cause(Throwable failure) {
        Throwable current = failure;
        while (isWrapper(current) && current.getCause() != null && current.getCause() != current) {
            current = current.getCause();
        }
        return current;
    }

    private static boolean isWrapper(Throwable failure) {
        return failure instanceof InvocationTargetException || failure instanceof UndeclaredThrowableException
                || failure instanceof ExecutionException || failure instanceof CompletionException;
    }

    /** The first line of the cause's message, or words for it when it has none. */
    static String oneLine(Throwable failure) {
        Throwable cause = cause(failure);
        if (cause instanceof OutOfMemoryError) {
            return "out of memory (give the JVM more heap, e.g. JAVA_OPTS=-Xmx1g, or scan fewer commits)";
        }
        if (cause instanceof StackOverflowError) {
            return "stack overflow (run with --verbose for the details)";
        }
        if (cause instanceof InterruptedException) {
            return "interrupted";
        }
        String message = cause.getMessage();
        if (message == null || message.isBlank()) {
            return "an internal error without a message (run with --verbose for the details)";
        }
        return message.strip().lines().findFirst().orElse("");
    }
}

package org.gstats.launcher;

import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;

/**
 * A Gogo {@code CommandSession}, opened on a {@code CommandProcessor} service from outside the
 * framework.
 *
 * <p>The launcher calls Gogo's interfaces as the gogo.runtime bundle loaded them, by reflection,
 * instead of sharing {@code org.apache.felix.service.command} through the system bundle: that
 * package is not a pure API. {@code Process.Utils} refers to gogo.runtime's {@code Pipe}, whose
 * thread-local marks the running job, so with a second copy of it on the launcher's class path
 * every command becomes a top-level job ("A job is already in foreground") and the
 * interactive shell breaks; with the package alone, {@code Pipe} is not found at all.
 */
final class GogoSession implements AutoCloseable {

    static final String PROCESSOR_INTERFACE = "org.apache.felix.service.command.CommandProcessor";
    private static final String SESSION_INTERFACE = "org.apache.felix.service.command.CommandSession";

    private final Object session;
    private final Method execute;
    private final Method get;
    private final Method put;
    private final Method close;
    private final Method currentDir;

    private GogoSession(Object session, Class<?> sessionInterface) throws NoSuchMethodException {
        this.session = session;
        execute = sessionInterface.getMethod("execute", CharSequence.class);
        get = sessionInterface.getMethod("get", String.class);
        put = sessionInterface.getMethod("put", String.class, Object.class);
        close = sessionInterface.getMethod("close");
        currentDir = sessionInterface.getMethod("currentDir", Path.class);
    }

    /** Opens a session on {@code processor}, a {@value #PROCESSOR_INTERFACE} service object. */
    static GogoSession open(Object processor, InputStream in, OutputStream out, OutputStream err) {
        try {
            ClassLoader gogo = processor.getClass().getClassLoader();
            Class<?> processorInterface = Class.forName(PROCESSOR_INTERFACE, false, gogo);
            Class<?> sessionInterface = Class.forName(SESSION_INTERFACE, false, gogo);
            Method createSession = processorInterface.getMethod("createSession", InputStream.class,
                    OutputStream.class, OutputStream.class);
            return new GogoSession(createSession.invoke(processor, in, out, err), sessionInterface);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the Gogo command processor does not have the expected API: " + e, e);
        }
    }

    /** Parses and runs one command line; throws what the command threw. */
    Object execute(CharSequence commandLine) throws Exception {
        try {
            return execute.invoke(session, commandLine);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    Object get(String name) {
        return call(get, name);
    }

    void put(String name, Object value) {
        call(put, name, value);
    }

    /** The directory the session's commands resolve relative paths against. */
    void currentDir(Path dir) {
        call(currentDir, dir);
    }

    @Override
    public void close() {
        call(close);
    }

    private Object call(Method method, Object... arguments) {
        try {
            return method.invoke(session, arguments);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new IllegalStateException(e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}

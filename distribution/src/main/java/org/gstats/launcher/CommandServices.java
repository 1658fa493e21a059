package org.gstats.launcher;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.Filter;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Waits for the Gogo command processor and command services such as {@code gstats:scan}.
 * Declarative Services registers a command once its references are satisfied, which may be
 * after the bundles have started.
 */
final class CommandServices {

    /** The commands bin/gstats runs, all expected before the interactive shell opens. */
    static final List<String> GSTATS_COMMANDS = List.of("gstats:scan", "gstats:plugins", "gstats:config",
            "gstats:plugin", "gstats:plugin-validate", "gstats:mailmap", "gstats:help", "gstats:__completions");
    /** gogo.command's help, which describes a command from its annotations. */
    static final String HELP_COMMAND = "felix:help";

    private static final long TIMEOUT_MS = TimeUnit.SECONDS.toMillis(30);

    /** A command or the processor did not appear in time; the message says which and suggests why. */
    static final class UnavailableException extends Exception {

        private static final long serialVersionUID = 1L;

        UnavailableException(String message) {
            super(message);
        }
    }

    private final BundleContext context;

    CommandServices(BundleContext context) {
        this.context = context;
    }

    /**
     * Waits, at most 30 s in all, until the command processor and every command
     * ({@code scope:function}) are registered.
     *
     * @return the command processor's service reference, for the caller to get while it uses it
     */
    ServiceReference<?> await(List<String> commands) throws InterruptedException, UnavailableException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(TIMEOUT_MS);
        List<ServiceTracker<Object, Object>> trackers = new ArrayList<>();
        try {
            ServiceTracker<Object, Object> processors = open(new ServiceTracker<>(context,
                    GogoSession.PROCESSOR_INTERFACE, null), trackers);
            if (processors.waitForService(remaining(deadline)) == null) {
                throw unavailable("the Gogo command processor");
            }
            ServiceReference<Object> processor = processors.getServiceReference();
            for (String command : commands) {
                ServiceTracker<Object, Object> services = open(new ServiceTracker<>(context, commandFilter(command),
                        null), trackers);
                if (services.waitForService(remaining(deadline)) == null) {
                    throw unavailable(command);
                }
            }
            return processor;
        } finally {
            trackers.forEach(ServiceTracker::close);
        }
    }

    /** The services that provide {@code scope:function}, as Gogo finds commands. */
    private static Filter commandFilter(String command) {
        int colon = command.indexOf(':');
        if (colon < 1 || colon == command.length() - 1) {
            throw new IllegalArgumentException("not a scope:function command name: " + command);
        }
        try {
            return FrameworkUtil.createFilter("(&(osgi.command.scope=" + command.substring(0, colon)
                    + ")(osgi.command.function=" + command.substring(colon + 1) + "))");
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException("not a scope:function command name: " + command, e);
        }
    }

    private static ServiceTracker<Object, Object> open(ServiceTracker<Object, Object> tracker,
            List<ServiceTracker<Object, Object>> opened) {
        tracker.open();
        opened.add(tracker);
        return tracker;
    }

    /** Milliseconds left, at least 1: waitForService(0) would wait forever. */
    private static long remaining(long deadline) {
        return Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
    }

    private UnavailableException unavailable(String what) {
        return new UnavailableException(what + " did not appear within " + TIMEOUT_MS / 1000 + " s"
                + inactiveBundles());
    }

    /** Names the bundles that did not start, the usual reason for a command that never appears. */
    private String inactiveBundles() {
        String inactive = Arrays.stream(context.getBundles())
                .filter(bundle -> bundle.getState() != Bundle.ACTIVE)
                .filter(bundle -> bundle.getHeaders().get(Constants.FRAGMENT_HOST) == null)
                .map(bundle -> bundle.getSymbolicName() + " " + stateName(bundle.getState()))
                .collect(Collectors.joining(", "));
        return inactive.isEmpty() ? "" : "; bundles not active: " + inactive;
    }

    private static String stateName(int state) {
        return switch (state) {
            case Bundle.INSTALLED -> "INSTALLED (unresolved)";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            default -> "UNINSTALLED";
        };
    }
}

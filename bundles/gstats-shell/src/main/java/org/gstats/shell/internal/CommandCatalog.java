package org.gstats.shell.internal;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.Descriptor;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * The gstats commands registered now, from any bundle, each with the line its
 * {@code @Descriptor} gives, found as Gogo finds a command's method: named as the function
 * (or {@code getX}, {@code isX}), or {@code execute} for a Gogo {@code Function}. Names that
 * start with {@code _} are the shell's plumbing and not listed. The option tables of the
 * commands this bundle owns are here too, for help and completion.
 */
final class CommandCatalog {

    static final String SCOPE = "gstats";

    /** A command: its function name ({@code scan}) and one line saying what it does (may be empty). */
    record Entry(String name, String description) {
    }

    private static final Map<String, OptionTable> TABLES = Stream.of(ScanOptionTable.OPTIONS, PluginsCommand.OPTIONS)
            .collect(Collectors.toUnmodifiableMap(OptionTable::command, Function.identity()));

    private CommandCatalog() {
    }

    /** The option table of a command this bundle owns, by its name without scope. */
    static Optional<OptionTable> table(String command) {
        return Optional.ofNullable(TABLES.get(command));
    }

    /** The gstats commands there are now, by name. */
    static List<Entry> entries(BundleContext context) {
        ServiceReference<?>[] references;
        try {
            references = context.getServiceReferences((String) null,
                    "(" + CommandProcessor.COMMAND_SCOPE + "=" + SCOPE + ")");
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        List<Entry> entries = new ArrayList<>();
        for (ServiceReference<?> reference : references == null ? new ServiceReference<?>[0] : references) {
            List<String> functions = functions(reference.getProperty(CommandProcessor.COMMAND_FUNCTION));
            Object service = context.getService(reference);
            try {
                for (String function : functions) {
                    if (!function.startsWith("_")) {
                        entries.add(new Entry(function, service == null ? "" : description(service, function)));
                    }
                }
            } finally {
                if (service != null) {
                    context.ungetService(reference);
                }
            }
        }
        entries.sort(Comparator.comparing(Entry::name));
        return entries;
    }

    private static List<String> functions(Object property) {
        if (property instanceof String function) {
            return List.of(function);
        }
        if (property instanceof String[] functions) {
            return List.of(functions);
        }
        if (property instanceof Collection<?> functions) {
            return functions.stream().map(String::valueOf).toList();
        }
        return List.of();
    }

    /** The {@code @Descriptor} of the method Gogo would call for the function. */
    static String description(Object command, String function) {
        String name = function.toLowerCase(Locale.ROOT);
        List<String> names = command instanceof org.apache.felix.service.command.Function ? List.of("execute")
                : List.of(name, "get" + name, "is" + name);
        for (Method method : command.getClass().getMethods()) {
            Descriptor descriptor = method.getAnnotation(Descriptor.class);
            if (descriptor != null && names.contains(method.getName().toLowerCase(Locale.ROOT))) {
                return descriptor.value();
            }
        }
        return "";
    }
}

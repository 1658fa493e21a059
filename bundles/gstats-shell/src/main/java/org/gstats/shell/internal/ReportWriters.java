package org.gstats.shell.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import org.gstats.api.report.ReportWriter;

/**
 * The report writer services that are there now, by format. When two writers claim the same
 * format the OSGi rule picks one: highest {@code service.ranking}, then lowest
 * {@code service.id}. Writers come and go on DS threads while commands look them up.
 */
final class ReportWriters {

    private static final String SERVICE_ID = "service.id";
    private static final String SERVICE_RANKING = "service.ranking";

    private record Registration(String format, int ranking, long serviceId, ReportWriter writer) {
    }

    private static final Comparator<Registration> PREFERRED = Comparator
            .comparingInt(Registration::ranking).reversed()
            .thenComparingLong(Registration::serviceId);

    private final List<Registration> registrations = new ArrayList<>();

    synchronized void add(ReportWriter writer, Map<String, ?> properties) {
        Object format = properties.get(ReportWriter.FORMAT_PROPERTY);
        String name = format instanceof String text ? text : writer.format();
        Object ranking = properties.get(SERVICE_RANKING);
        registrations.add(new Registration(name.toLowerCase(Locale.ROOT),
                ranking instanceof Integer value ? value : 0, serviceId(properties), writer));
    }

    synchronized void remove(Map<String, ?> properties) {
        long serviceId = serviceId(properties);
        registrations.removeIf(registration -> registration.serviceId() == serviceId);
    }

    synchronized Optional<ReportWriter> find(String format) {
        String wanted = format.toLowerCase(Locale.ROOT);
        return registrations.stream()
                .filter(registration -> registration.format().equals(wanted))
                .min(PREFERRED)
                .map(Registration::writer);
    }

    /** The writer for the format, or bad usage naming the formats there are. */
    ReportWriter require(String format) throws CommandFailure {
        Optional<ReportWriter> writer = find(format);
        if (writer.isEmpty()) {
            List<String> formats = formats();
            throw CommandFailure.badUsage("unknown format '" + format + "' (available: "
                    + (formats.isEmpty() ? "none" : String.join(", ", formats)) + ")");
        }
        return writer.get();
    }

    /** The formats whose writer takes the option, e.g. those that indent for {@code --pretty}. */
    List<String> formatsWith(ReportWriter.Option option) {
        List<String> formats = new ArrayList<>();
        for (String format : formats()) {
            find(format).filter(writer -> writer.options().contains(option)).ifPresent(writer -> formats.add(format));
        }
        return formats;
    }

    synchronized List<String> formats() {
        TreeSet<String> formats = new TreeSet<>();
        registrations.forEach(registration -> formats.add(registration.format()));
        return List.copyOf(formats);
    }

    private static long serviceId(Map<String, ?> properties) {
        return properties.get(SERVICE_ID) instanceof Long id ? id : -1;
    }
}

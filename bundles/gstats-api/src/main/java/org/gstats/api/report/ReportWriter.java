package org.gstats.api.report;

import java.io.IOException;
import java.io.OutputStream;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Renders a report in one format. Registered as a service with the property
 * {@value #FORMAT_PROPERTY} naming the format ({@code json}, {@code text}, …).
 */
@ConsumerType
public interface ReportWriter {

    String FORMAT_PROPERTY = "gstats.format";

    /** The format's name, equal to the service's {@value #FORMAT_PROPERTY} property. */
    String format();

    /** Writes the whole report, UTF-8 encoded. Does not close the stream. */
    void write(Report report, OutputStream out) throws IOException;
}

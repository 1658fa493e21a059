package org.gstats.api.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Set;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Renders a report in one format. Registered as a service with the property
 * {@value #FORMAT_PROPERTY} naming the format ({@code json}, {@code text}, …).
 * <p>
 * A format writes one stream (a file or the console), or, for formats that split a report
 * into several files, a directory: see {@link #writesDirectory(WriterOptions)}.
 */
@ConsumerType
public interface ReportWriter {

    String FORMAT_PROPERTY = "gstats.format";

    /**
     * A {@link WriterOptions} choice that a format may take.
     *
     * @since 1.1
     */
    enum Option {
        /** {@link WriterOptions#pretty()}: indentation for people. */
        PRETTY,
        /** {@link WriterOptions#table()}: one chosen item instead of the whole report. */
        TABLE,
        /**
         * {@link WriterOptions#full()}: every table whole; without it the format summarises.
         *
         * @since 1.3
         */
        FULL,
        /**
         * {@link WriterOptions#history()}: the repository's stored scans beside the report, e.g. as a
         * trend. Callers read the store for them only for formats that take them, and hand them over
         * once the store has recorded this scan, so that this scan is among them.
         *
         * @since 1.5
         */
        HISTORY
    }

    /** The format's name, equal to the service's {@value #FORMAT_PROPERTY} property. */
    String format();

    /** Writes the whole report, UTF-8 encoded. Does not close the stream. */
    void write(Report report, OutputStream out) throws IOException;

    /**
     * The options this format takes; callers refuse the others before the scan.
     *
     * @since 1.1
     */
    default Set<Option> options() {
        return Set.of();
    }

    /**
     * Writes the report as the options ask, UTF-8 encoded, to one stream. Does not close it.
     * A chosen {@link WriterOptions#table() table} is one that the report has.
     *
     * @since 1.1
     */
    default void write(Report report, WriterOptions options, OutputStream out) throws IOException {
        write(report, out);
    }

    /**
     * Whether, with these options, the format writes several files into a directory instead
     * of one stream; if so, callers call {@link #writeDirectory} and never {@code write}.
     *
     * @since 1.1
     */
    default boolean writesDirectory(WriterOptions options) {
        return false;
    }

    /**
     * Writes the report's files into {@code directory}, which exists and is empty. The caller
     * owns the directory: it writes into a temporary one and moves it into place whole.
     *
     * @since 1.1
     */
    default void writeDirectory(Report report, WriterOptions options, Path directory) throws IOException {
        throw new UnsupportedOperationException(format() + " writes one stream, not a directory");
    }
}

package org.gstats.shell.internal;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import org.gstats.api.report.WriterOptions;
import org.gstats.api.scan.ScanRequest;

/**
 * {@code gstats:scan}'s checked options.
 *
 * @param repository    absolute path to scan
 * @param format        report format as given, or the default; whether a writer exists is checked separately
 * @param output        absolute file or directory for the report, {@code null} for the console
 * @param table         the one table to write ({@code SECTION.TABLE}), {@code null} for all
 * @param pretty        indented output
 * @param branch        ref to start from, {@code null} for HEAD
 * @param since         first instant, {@code null} for no limit
 * @param until         last instant, {@code null} for no limit
 * @param scanner       which history to walk and how to count it ({@code --no-renames}, {@code --author}, ...)
 * @param quiet         report and errors only
 * @param verbose       progress on stderr and stack traces on failure
 */
record ScanOptions(Path repository, String format, Path output, String table, boolean pretty, String branch,
        Instant since, Instant until, ScannerOptions scanner, boolean quiet, boolean verbose) {

    WriterOptions writerOptions() {
        return new WriterOptions(pretty, table);
    }

    ScanOptions withScanner(ScannerOptions value) {
        return new ScanOptions(repository, format, output, table, pretty, branch, since, until, value, quiet,
                verbose);
    }

    /** The one place where the checked options become the scan's request. */
    ScanRequest request() {
        return request(Map.of());
    }

    /**
     * @param settings this scan's settings by section ({@code module.commits}, ...), for the
     *                 components to read
     */
    ScanRequest request(Map<String, Map<String, Object>> settings) {
        ScanRequest.Builder request = scanner.applyTo(ScanRequest.builder(repository)
                .branch(branch)
                .since(since)
                .until(until));
        settings.forEach(request::settings);
        return request.build();
    }
}

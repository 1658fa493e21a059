package org.gstats.shell.internal;

import java.nio.file.Path;
import java.time.Instant;

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
 * @param changes       list every file change ({@code commits.changes})
 * @param detectRenames false for {@code --no-renames}
 * @param quiet         report and errors only
 * @param verbose       progress on stderr and stack traces on failure
 */
record ScanOptions(Path repository, String format, Path output, String table, boolean pretty, String branch,
        Instant since, Instant until, boolean changes, boolean detectRenames, boolean quiet, boolean verbose) {

    static final String CHANGES_OPTION = "commits.changes";

    WriterOptions writerOptions() {
        return new WriterOptions(pretty, table);
    }

    ScanRequest request() {
        ScanRequest.Builder request = ScanRequest.builder(repository)
                .branch(branch)
                .since(since)
                .until(until)
                .detectRenames(detectRenames);
        if (changes) {
            request.option(CHANGES_OPTION, "true");
        }
        return request.build();
    }
}

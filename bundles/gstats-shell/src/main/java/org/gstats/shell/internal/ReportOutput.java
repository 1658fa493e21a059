package org.gstats.shell.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import org.gstats.api.report.Report;
import org.gstats.api.report.ReportWriter;
import org.gstats.api.report.ReportWriter.Option;
import org.gstats.api.report.Table;
import org.gstats.api.report.WriterOptions;

/**
 * Where and how the report is written: to the console, to a file, or, for a format that writes
 * several files, to a directory; checked against what the writer can do before the scan, so
 * that bad usage costs no scan. Files and directories are replaced whole or not at all.
 */
final class ReportOutput {

    private final ReportWriter writer;
    private final String format;
    private final WriterOptions options;
    private final Path output;
    private final boolean directory;

    private ReportOutput(ReportWriter writer, String format, WriterOptions options, Path output, boolean directory) {
        this.writer = writer;
        this.format = format;
        this.options = options;
        this.output = output;
        this.directory = directory;
    }

    /**
     * Checks the options against the writer and the output path against the file system.
     *
     * @param writers the writers there are, to name those that take an option the chosen one lacks
     * @throws CommandFailure bad usage naming the problem and what to do instead
     */
    static ReportOutput check(ReportWriter writer, ScanOptions scan, ReportWriters writers) throws CommandFailure {
        return check(writer, scan, scan.writerOptions(), writers);
    }

    /** Checks as {@link #check(ReportWriter, ScanOptions, ReportWriters)}, with the console's facts in {@code options}. */
    static ReportOutput check(ReportWriter writer, ScanOptions scan, WriterOptions options, ReportWriters writers)
            throws CommandFailure {
        String format = scan.format().toLowerCase(Locale.ROOT);
        if (options.full() && !writer.options().contains(Option.FULL)) {
            throw CommandFailure.badUsage("--full does not apply to " + format + ", which writes every table whole "
                    + "(formats that summarise: " + list(writers.formatsWith(Option.FULL)) + ")");
        }
        if (options.pretty() && !writer.options().contains(Option.PRETTY)) {
            throw CommandFailure.badUsage("--pretty does not apply to " + format + " (formats that indent: "
                    + list(writers.formatsWith(Option.PRETTY)) + ")");
        }
        if (options.table() != null && !writer.options().contains(Option.TABLE)) {
            throw CommandFailure.badUsage("--table does not apply to " + format + ", which writes the whole report "
                    + "(formats that write one table: " + list(writers.formatsWith(Option.TABLE)) + ")");
        }
        Path output = scan.output();
        boolean directory = writer.writesDirectory(options);
        if (directory) {
            checkDirectory(format, output, writer.options().contains(Option.TABLE));
        } else if (output != null) {
            checkFile(output);
        }
        return new ReportOutput(writer, format, options, output, directory);
    }

    private static void checkDirectory(String format, Path output, boolean takesTable) throws CommandFailure {
        if (output == null) {
            throw CommandFailure.badUsage(takesTable
                    ? format + " writes one table to stdout: name it with --table commits.authors, or give --output DIR"
                    : format + " writes several files: give --output DIR");
        }
        OutputTarget target = OutputTarget.resolve(output);
        if (target.kind() == OutputTarget.Kind.DIRECTORY) {
            checkReplaceable(format, target.path());
            return;
        }
        if (target.exists()) {
            throw CommandFailure.badUsage("--output for " + format + " is a directory, but " + output + " is a file"
                    + (takesTable ? " (give a directory, or --table to write one table)" : " (give a directory)"));
        }
        checkParent(target.path());
    }

    private static void checkFile(Path output) throws CommandFailure {
        OutputTarget target = OutputTarget.resolve(output);
        if (target.kind() == OutputTarget.Kind.DIRECTORY) {
            throw CommandFailure.badUsage("--output is a directory: " + output + " (give a file name)");
        }
        if (target.kind() == OutputTarget.Kind.FILE) {
            checkParent(target.path());
        }
    }

    private static void checkParent(Path output) throws CommandFailure {
        if (output.getParent() == null || !Files.isDirectory(output.getParent())) {
            throw CommandFailure.badUsage("no such directory for --output: " + output.getParent()
                    + " (create it first)");
        }
    }

    /**
     * An existing directory is replaced only when it holds nothing but files of this format,
     * as an earlier report left it: {@code --output .} must never wipe a work tree.
     */
    private static void checkReplaceable(String format, Path output) throws CommandFailure {
        String extension = "." + format;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(output)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString().toLowerCase(Locale.ROOT);
                if (!Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS) || !name.endsWith(extension)) {
                    throw CommandFailure.badUsage("--output directory " + output + " holds more than " + format
                            + " files, e.g. " + entry.getFileName() + " (give a new or empty directory; an earlier "
                            + format + " report is replaced)");
                }
            }
        } catch (IOException e) {
            throw CommandFailure.badUsage("cannot read the --output directory " + output + ": " + IoReasons.of(e));
        }
    }

    /**
     * Before the scan: the chosen table, if any, is written {@code SECTION.TABLE} and its section
     * is one the scan will write, the engine's or a plugin's among {@code plugins} (the active
     * plugins the scan runs); {@code plugins} empty when they are not known. Which tables a
     * section holds is known only from the report ({@link #checkTable}).
     */
    static void checkTableName(String table, Collection<String> plugins) throws CommandFailure {
        if (table == null) {
            return;
        }
        int dot = table.indexOf('.');
        if (dot <= 0 || dot == table.length() - 1) {
            throw CommandFailure.badUsage("--table takes SECTION.TABLE, e.g. commits.authors (got '" + table + "')");
        }
        if (plugins.isEmpty()) {
            return;
        }
        String section = table.substring(0, dot);
        List<String> sections = new ArrayList<>(plugins);
        sections.add(Report.ENGINE_SECTION);
        if (!sections.contains(section)) {
            throw CommandFailure.badUsage("unknown section '" + section + "' in --table " + table + Suggestion.nearest(
                    section, sections).map(near -> "; did you mean '" + near + "'?").orElse(" (sections: "
                            + String.join(", ", sections) + ")"));
        }
    }

    /** The chosen table, if any, is one the report has. */
    void checkTable(Report report) throws CommandFailure {
        if (options.table() != null && report.item(options.table()).isEmpty()) {
            List<String> names = report.itemNames();
            throw CommandFailure.badUsage("unknown table '" + options.table() + "' (available: "
                    + (names.isEmpty() ? "none" : String.join(", ", names)) + ")");
        }
    }

    /** Whether the format draws the repository's stored scans beside the report ({@link Option#HISTORY}). */
    boolean takesHistory() {
        return writer.options().contains(Option.HISTORY);
    }

    /**
     * Writes the report, with the repository's stored scans ({@code storedScans}, asked only for a
     * format that {@linkplain #takesHistory() takes them}; null for none); returns what the scan's
     * summary line says about it, e.g. {@code , wrote csv report to /tmp/out}, or nothing for the console.
     */
    String write(Report report, Supplier<Table> storedScans, PrintStream console) throws CommandFailure {
        WriterOptions options = takesHistory() ? this.options.withHistory(storedScans.get()) : this.options;
        if (output == null) {
            writeToConsole(report, options, console);
            return "";
        }
        try {
            // looked at again: the scan took a while, and the links or files may have changed
            OutputTarget target = OutputTarget.resolve(output);
            if (directory) {
                if (target.kind() == OutputTarget.Kind.DIRECTORY) {
                    checkReplaceable(format, target.path());
                } else if (target.exists()) {
                    throw CommandFailure.badUsage("--output for " + format + " is a directory, but " + output
                            + " is no longer one (give a directory)");
                }
                AtomicDirectory.write(target.path(), temporary -> writer.writeDirectory(report, options, temporary));
            } else if (target.kind() == OutputTarget.Kind.STREAM) {
                InPlaceFile.write(target.path(), out -> writer.write(report, options, out));
            } else if (target.kind() == OutputTarget.Kind.FILE) {
                AtomicFile.write(target.path(), out -> writer.write(report, options, out));
            } else {
                throw CommandFailure.badUsage("--output is a directory: " + output + " (give a file name)");
            }
        } catch (IOException e) {
            throw CommandFailure.failed("cannot write the report to " + output + ": " + IoReasons.of(e), e);
        }
        return ", wrote " + format + " report to " + output;
    }

    private void writeToConsole(Report report, WriterOptions options, PrintStream console) throws CommandFailure {
        try {
            writer.write(report, options, console);
        } catch (IOException e) {
            throw CommandFailure.failed("cannot write the report: " + IoReasons.of(e), e);
        }
        console.flush();
        if (console.checkError()) {
            throw CommandFailure.failed("cannot write the report: the console refused it", null);
        }
    }

    private static String list(List<String> formats) {
        return formats.isEmpty() ? "none" : String.join(", ", formats);
    }
}

package org.gstats.shell.internal;

import java.io.PrintStream;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.apache.felix.service.command.annotations.GogoCommand;
import org.gstats.api.report.Report;
import org.gstats.api.report.ReportWriter;
import org.gstats.api.scan.ScanEngine;
import org.gstats.api.scan.ScanException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * {@code gstats:scan [options] [PATH]}: scans a repository and writes the report to the
 * console or a file. Gogo parses the options (see {@link #scan}); this class checks them,
 * picks the writer before the scan starts, and keeps the exit-code contract of
 * {@link CommandStatus}.
 */
@Component(service = Object.class)
@GogoCommand(scope = "gstats", function = "scan")
public class ScanCommand {

    private final ScanEngine engine;
    private final Clock clock;
    private final ReportWriters writers = new ReportWriters();

    @Activate
    public ScanCommand(@Reference(name = "engine") ScanEngine engine) {
        this(engine, Clock.systemDefaultZone());
    }

    ScanCommand(ScanEngine engine, Clock clock) {
        this.engine = engine;
        this.clock = clock;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            target = "(" + ReportWriter.FORMAT_PROPERTY + "=*)")
    void addReportWriter(ReportWriter writer, Map<String, Object> properties) {
        writers.add(writer, properties);
    }

    void removeReportWriter(ReportWriter writer, Map<String, Object> properties) {
        writers.remove(properties);
    }

    /**
     * Gogo matches each option name anywhere on the line (first occurrence only, exact token,
     * so {@code --format=json} is not an option) and takes the next token as its value; what
     * is left arrives in {@code operands}, where an unknown or repeated option is bad usage.
     */
    @Descriptor("scan a Git repository and write its statistics report")
    public void scan(CommandSession session,
            @Descriptor("report format: text, json, csv, xml, yaml, html or a plugin's "
                    + "(default: text on a terminal, json otherwise)")
            @Parameter(names = "--format", absentValue = ScanArguments.ABSENT) String format,
            @Descriptor("write the report to FILE (csv: to a directory, one file per table) instead of the console; "
                    + "replaced whole or not at all")
            @Parameter(names = "--output", absentValue = ScanArguments.ABSENT) String output,
            @Descriptor("the one table to write, as SECTION.TABLE, e.g. commits.authors (csv)")
            @Parameter(names = "--table", absentValue = ScanArguments.ABSENT) String table,
            @Descriptor("indent the report for people to read (json, xml, yaml)")
            @Parameter(names = "--pretty", absentValue = "false", presentValue = "true") boolean pretty,
            @Descriptor("branch, tag or commit to start from (default HEAD)")
            @Parameter(names = "--branch", absentValue = ScanArguments.ABSENT) String branch,
            @Descriptor("only commits at or after: 2024-01-31, 2024-01-31T12:00:00Z, or an age 12h, 30d, 2w, 6m, 1y")
            @Parameter(names = "--since", absentValue = ScanArguments.ABSENT) String since,
            @Descriptor("only commits at or before: a date counts through its end, or a date-time, or an age")
            @Parameter(names = "--until", absentValue = ScanArguments.ABSENT) String until,
            @Descriptor("list every file change of every commit")
            @Parameter(names = "--changes", absentValue = "false", presentValue = "true") boolean changes,
            @Descriptor("do not detect renames (git log --no-renames)")
            @Parameter(names = "--no-renames", absentValue = "false", presentValue = "true") boolean noRenames,
            @Descriptor("print the report and errors only")
            @Parameter(names = "--quiet", absentValue = "false", presentValue = "true") boolean quiet,
            @Descriptor("print progress from the start, and stack traces on failure")
            @Parameter(names = {"-v", "--verbose"}, absentValue = "false", presentValue = "true") boolean verbose,
            @Descriptor("the repository, or a directory inside it (default: the current directory)")
            String... operands) throws CommandFailure, ScanException {
        ScanArguments arguments = new ScanArguments(format, output, table, branch, since, until, changes, noRenames,
                pretty, quiet, verbose, Arrays.asList(operands));
        CommandStatus.run(session, verbose, () -> run(session, arguments));
    }

    private void run(CommandSession session, ScanArguments arguments) throws CommandFailure, ScanException {
        ScanOptions options = arguments.validate(currentDir(session), clock, defaultFormat(session));
        ReportWriter writer = writers.require(options.format());
        ReportOutput output = ReportOutput.check(writer, options, writers);
        // Gogo points System.err at the session's error stream while a command runs
        PrintStream err = System.err;
        if (options.verbose()) {
            err.println("gstats: scanning " + options.repository());
        }
        ProgressPrinter progress = new ProgressPrinter(err,
                ProgressPrinter.style(options.quiet(), options.verbose(), stderrTerminal(session)), System::nanoTime);

        Report report;
        try {
            report = engine.scan(options.request(), progress);
        } finally {
            progress.finish();
        }

        output.checkTable(report);
        String written = output.write(report, session.getConsole());
        if (!options.quiet()) {
            err.println(summary(report, progress.commits()) + written);
        }
    }

    /**
     * Text for people on a terminal, JSON for the programs that read a pipe or a file: the
     * launcher of a headless run tells which ({@value CommandStatus#TERMINAL}); the
     * interactive shell, which does not, is a terminal.
     */
    static String defaultFormat(CommandSession session) {
        return Boolean.FALSE.equals(session.get(CommandStatus.TERMINAL)) ? "json" : "text";
    }

    /**
     * Java cannot tell whether stderr is a terminal; bin/gstats tests it and passes the system
     * property {@value CommandStatus#STDERR_TERMINAL}, which a session variable of the same name
     * overrides.
     */
    static boolean stderrTerminal(CommandSession session) {
        Object value = session.get(CommandStatus.STDERR_TERMINAL);
        return value != null ? Boolean.TRUE.equals(value) : Boolean.getBoolean(CommandStatus.STDERR_TERMINAL);
    }

    static String summary(Report report, long commits) {
        String summary = String.format(Locale.ROOT, "gstats: scanned %d %s of %s in %.1f s", commits,
                commits == 1 ? "commit" : "commits", report.header().repository(),
                report.header().durationMs() / 1000.0);
        int errors = report.errors().size();
        if (errors > 0) {
            summary += errors == 1 ? ", 1 plugin error (see the report)" : ", " + errors + " plugin errors (see the report)";
        }
        return summary;
    }

    /** {@code session.currentDir()} when the session has one, else the process's directory. */
    static Path currentDir(CommandSession session) {
        Path dir = session.currentDir();
        return dir != null ? dir : Paths.get(System.getProperty("user.dir")).toAbsolutePath();
    }
}

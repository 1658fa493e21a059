package org.gstats.shell.internal;

import java.io.PrintStream;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.apache.felix.service.command.annotations.GogoCommand;
import org.gstats.api.report.Report;
import org.gstats.api.report.ReportWriter;
import org.gstats.api.scan.PluginSelection;
import org.gstats.api.scan.ScanEngine;
import org.gstats.api.scan.ScanException;
import org.gstats.config.api.ConfigException;
import org.gstats.config.api.ConfigRequest;
import org.gstats.config.api.EffectiveConfiguration;
import org.gstats.config.api.GstatsConfiguration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * {@code gstats:scan [options] [PATH]}: scans a repository and writes the report to the
 * console or a file. Gogo parses the options (see {@link #scan}); this class checks them,
 * picks the writer before the scan starts, and keeps the exit-code contract of
 * {@link CommandStatus}.
 */
@Component(service = Object.class)
@GogoCommand(scope = "gstats", function = "scan")
public class ScanCommand {

    /** The name the engine gives the scanner's warnings in the report's errors. */
    static final String SCANNER = "scanner";

    private final ScanEngine engine;
    private final Clock clock;
    /** The process environment ({@code NO_COLOR}, {@code COLUMNS}, ...); tests hand in their own. */
    private final Function<String, String> environment;
    private final ReportWriters writers = new ReportWriters();
    /** Without gstats-config, a scan takes its options from the command line alone. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile GstatsConfiguration configuration;

    @Activate
    public ScanCommand(@Reference(name = "engine") ScanEngine engine) {
        this(engine, Clock.systemDefaultZone());
    }

    ScanCommand(ScanEngine engine, Clock clock) {
        this(engine, clock, System::getenv);
    }

    ScanCommand(ScanEngine engine, Clock clock, Function<String, String> environment) {
        this.engine = engine;
        this.clock = clock;
        this.environment = environment;
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
                    + "(default: the --output file's extension, else text on a terminal, json otherwise)")
            @Parameter(names = "--format", absentValue = ScanArguments.ABSENT) String format,
            @Descriptor("write the report to FILE (csv: to a directory, one file per table) instead of the console; "
                    + "replaced whole or not at all")
            @Parameter(names = "--output", absentValue = ScanArguments.ABSENT) String output,
            @Descriptor("the one table to write, as SECTION.TABLE, e.g. commits.authors (csv)")
            @Parameter(names = "--table", absentValue = ScanArguments.ABSENT) String table,
            @Descriptor("indent the report for people to read (json, xml, yaml)")
            @Parameter(names = "--pretty", absentValue = "false", presentValue = "true") boolean pretty,
            @Descriptor("print every table whole instead of the summary (text, markdown)")
            @Parameter(names = "--full", absentValue = "false", presentValue = "true") boolean full,
            @Descriptor("colour the text report: auto (on a terminal, unless NO_COLOR is set), always or never")
            @Parameter(names = "--color", absentValue = ScanArguments.ABSENT) String color,
            @Descriptor("one author per name and email (email, as git shortlog -sne; the default) or per "
                    + "normalised name (name, as gitinspector)")
            @Parameter(names = "--group-authors", absentValue = ScanArguments.ABSENT) String groupAuthors,
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
            @Descriptor("only commits whose author's 'Name <email>' matches this Java regular expression "
                    + "(repeatable: any may match; git log --author)")
            @Parameter(names = "--author", absentValue = ScanArguments.ABSENT) String author,
            @Descriptor("leave out commits whose author's 'Name <email>' matches this Java regular expression "
                    + "(repeatable), e.g. 'bot'")
            @Parameter(names = "--exclude-author", absentValue = ScanArguments.ABSENT) String excludeAuthor,
            @Descriptor("count only changes to paths matching this glob (repeatable), e.g. 'src/**'")
            @Parameter(names = "--include", absentValue = ScanArguments.ABSENT) String include,
            @Descriptor("do not count changes to paths matching this glob (repeatable), e.g. 'vendor/**'")
            @Parameter(names = "--exclude", absentValue = ScanArguments.ABSENT) String exclude,
            @Descriptor("scan at most this many commits, newest first (git log -n)")
            @Parameter(names = "--max-commits", absentValue = ScanArguments.ABSENT) String maxCommits,
            @Descriptor("follow first parents only and count merges against their first parent "
                    + "(git log --first-parent -m)")
            @Parameter(names = "--first-parent", absentValue = "false", presentValue = "true") boolean firstParent,
            @Descriptor("keep author identities as recorded instead of mapping them through .mailmap")
            @Parameter(names = "--no-mailmap", absentValue = "false", presentValue = "true") boolean noMailmap,
            @Descriptor("count lines as git's myers (default), histogram or minimal diff does")
            @Parameter(names = "--diff-algorithm", absentValue = ScanArguments.ABSENT) String diffAlgorithm,
            @Descriptor("stop with an error at the first object the repository lacks, instead of listing it "
                    + "in the report's errors")
            @Parameter(names = "--strict", absentValue = "false", presentValue = "true") boolean strict,
            @Descriptor("only these plugins, by name, separated by commas (default: every active plugin)")
            @Parameter(names = "--plugins", absentValue = ScanArguments.ABSENT) String plugins,
            @Descriptor("the memory limit pressure is measured against, e.g. 256MB (default: the JVM's maximum heap); "
                    + "the scan stops with an error above 95% of it")
            @Parameter(names = "--max-memory", absentValue = ScanArguments.ABSENT) String maxMemory,
            @Descriptor("a preset memory limit: low (64 MB), balanced (256 MB), high (1 GB) or none")
            @Parameter(names = "--performance-mode", absentValue = ScanArguments.ABSENT) String performanceMode,
            @Descriptor("print the report and errors only")
            @Parameter(names = "--quiet", absentValue = "false", presentValue = "true") boolean quiet,
            @Descriptor("print progress from the start, and stack traces on failure")
            @Parameter(names = {"-v", "--verbose"}, absentValue = "false", presentValue = "true") boolean verbose,
            @Descriptor("the repository, or a directory inside it (default: the current directory)")
            String... operands) throws CommandFailure, ScanException {
        CommandStatus.run(session, verbose, () -> {
            List<String> rest = new ArrayList<>(Arrays.asList(operands));
            Map<String, List<String>> repeated = Map.of(ScannerArguments.INCLUDE, given(include),
                    ScannerArguments.EXCLUDE, given(exclude), ScannerArguments.AUTHOR, given(author),
                    ScannerArguments.EXCLUDE_AUTHOR, given(excludeAuthor));
            ScannerArguments.takeRepeated(rest, repeated);
            ScanArguments arguments = new ScanArguments(format, output, table, branch, since, until, changes,
                    noRenames, pretty, quiet, verbose, rest);
            ScannerArguments history = new ScannerArguments(firstParent, repeated.get(ScannerArguments.AUTHOR),
                    repeated.get(ScannerArguments.EXCLUDE_AUTHOR), repeated.get(ScannerArguments.INCLUDE),
                    repeated.get(ScannerArguments.EXCLUDE), maxCommits, noMailmap, strict, diffAlgorithm);
            run(session, arguments, history, new ReportArguments(groupAuthors, full, color, ScanArguments.ABSENT),
                    plugins, maxMemory, performanceMode);
        });
    }

    /** A repeatable option's first value as Gogo gave it ({@link ScanArguments#ABSENT} when absent), to append to. */
    private static List<String> given(String value) {
        List<String> values = new ArrayList<>();
        values.add(value);
        return values;
    }

    /** Declarative Services sets the field itself; unit tests, which have no DS, call this. */
    void setConfiguration(GstatsConfiguration configuration) {
        this.configuration = configuration;
    }

    private void run(CommandSession session, ScanArguments givenArguments, ScannerArguments givenHistory,
            ReportArguments givenReport, String givenPlugins, String maxMemory, String performanceMode)
            throws CommandFailure, ScanException {
        String plugins = givenPlugins;
        Map<String, String> pluginOptions = new TreeMap<>();
        ScanArguments arguments = givenArguments;
        ScannerArguments history = givenHistory;
        ReportArguments looks = givenReport;
        EffectiveConfiguration effective = configured(session, ScanConfiguration.commandLine(givenArguments,
                givenHistory, givenReport, memoryValue("--max-memory", maxMemory),
                memoryValue("--performance-mode", performanceMode)), givenArguments);
        if (effective != null) {
            arguments = ScanConfiguration.apply(givenArguments, effective);
            history = ScanConfiguration.apply(givenHistory, effective);
            looks = ScanConfiguration.apply(givenReport, effective);
            plugins = ScanConfiguration.plugins(givenPlugins, effective);
            pluginOptions.putAll(ScanConfiguration.pluginOptions(effective));
        }
        pluginOptions.putAll(looks.pluginOptions());
        session.put(CommandStatus.VERBOSE, arguments.verbose());
        session.put(CommandStatus.QUIET, arguments.quiet());
        ScanOptions checked = arguments.validate(currentDir(session), clock, defaultFormat(session));
        ScanOptions options = checked.withScanner(history.validate(checked.scanner(), ScanArguments::isOption));
        PluginSelection selection = PluginsArgument.selection(plugins);
        ReportWriter writer = writers.require(options.format());
        ReportOutput output = ReportOutput.check(writer, options, looks.writerOptions(options.pretty(),
                options.table(), options.output() == null, stdoutTerminal(session), environment),
                writers);
        // Gogo points System.err at the session's error stream while a command runs
        PrintStream err = System.err;
        if (options.verbose()) {
            err.println("gstats: scanning " + options.repository());
        }
        ProgressPrinter progress = new ProgressPrinter(err,
                ProgressPrinter.style(options.quiet(), options.verbose(), stderrTerminal(session)), System::nanoTime);

        Report report;
        try {
            report = engine.scan(options.request(pluginOptions), selection, progress);
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
     * The configuration in effect for the repository to scan, with the command line as its
     * highest rung, after it has been handed to the components (so that plugins see it in this
     * scan); null when no configuration service is there.
     */
    private EffectiveConfiguration configured(CommandSession session, Map<String, String> commandLine,
            ScanArguments given) throws CommandFailure {
        GstatsConfiguration current = configuration;
        if (current == null) {
            return null;
        }
        try {
            return current.apply(new ConfigRequest(given.repository(currentDir(session)), commandLine));
        } catch (ConfigException e) {
            throw CommandFailure.badUsage(e.getMessage());
        }
    }

    /** A memory option's value as given; a missing value is bad usage that names the option. */
    private static String memoryValue(String option, String value) throws CommandFailure {
        if (ScanArguments.ABSENT.equals(value)) {
            return value;
        }
        if (value == null || value.isEmpty() || ScanArguments.isOption(value)) {
            throw CommandFailure.badUsage(option + " needs a value, e.g. " + ("--max-memory".equals(option)
                    ? "256MB" : "balanced"));
        }
        return value;
    }

    /**
     * Text for people on a terminal, JSON for the programs that read a pipe or a file: the
     * launcher of a headless run tells which ({@value CommandStatus#TERMINAL}); the
     * interactive shell, which does not, is a terminal.
     */
    static String defaultFormat(CommandSession session) {
        return stdoutTerminal(session) ? "text" : "json";
    }

    /** Whether standard output is a terminal: the launcher says so, and the interactive shell is one. */
    static boolean stdoutTerminal(CommandSession session) {
        return !Boolean.FALSE.equals(session.get(CommandStatus.TERMINAL));
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
        long warnings = report.errors().stream().filter(error -> SCANNER.equals(error.plugin())).count();
        long errors = report.errors().size() - warnings;
        List<String> problems = new ArrayList<>();
        if (warnings > 0) {
            problems.add(warnings == 1 ? "1 scanner warning" : warnings + " scanner warnings");
        }
        if (errors > 0) {
            problems.add(errors == 1 ? "1 plugin error" : errors + " plugin errors");
        }
        if (!problems.isEmpty()) {
            summary += ", " + String.join(", ", problems) + " (see the report)";
        }
        return summary;
    }

    /** {@code session.currentDir()} when the session has one, else the process's directory. */
    static Path currentDir(CommandSession session) {
        Path dir = session.currentDir();
        return dir != null ? dir : Paths.get(System.getProperty("user.dir")).toAbsolutePath();
    }
}

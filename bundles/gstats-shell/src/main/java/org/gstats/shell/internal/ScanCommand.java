package org.gstats.shell.internal;

import java.io.PrintStream;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.annotations.GogoCommand;
import org.gstats.api.report.Report;
import org.gstats.api.report.ReportError;
import org.gstats.api.report.ReportWriter;
import org.gstats.api.report.Table;
import org.gstats.api.scan.PluginInfo;
import org.gstats.api.scan.PluginRegistry;
import org.gstats.api.scan.PluginSelection;
import org.gstats.api.scan.PluginState;
import org.gstats.api.scan.ProgressListener;
import org.gstats.api.scan.ScanEngine;
import org.gstats.api.scan.ScanException;
import org.gstats.api.scan.ScanRequest;
import org.gstats.api.store.ScanStore;
import org.gstats.api.store.ScanSummary;
import org.gstats.api.store.StoreException;
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
 * console or a file. {@link ScanOptionTable} parses the options; this class resolves the
 * configuration for the repository with them, checks them, puts the scan's settings in its
 * request, picks the writer before the scan starts, and keeps the exit-code contract of
 * {@link CommandStatus}.
 */
@Component(service = Object.class)
@GogoCommand(scope = "gstats", function = "scan")
public class ScanCommand {

    /** What Ctrl-C in the shell leaves on the console, after {@code gstats: }. */
    static final String INTERRUPTED = "scan interrupted";

    private final ScanEngine engine;
    private final Clock clock;
    /** The process environment ({@code NO_COLOR}, {@code COLUMNS}, ...); tests hand in their own. */
    private final Function<String, String> environment;
    private final ReportWriters writers = new ReportWriters();
    /** Names the sections a scan will write, so that --table is checked before the scan; optional. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile PluginRegistry registry;
    /** The scans stored before, for a format that draws them (the HTML report's History view); optional. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ScanStore store;
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
     * Gogo hands every argument over as it is; {@link ScanOptionTable} parses them, so options
     * may come before or after the path and {@code --include}/{@code --exclude} may be repeated.
     */
    @Descriptor("scan a Git repository and write its statistics report (gstats:scan --help lists the options)")
    public void scan(CommandSession session,
            @Descriptor("options (gstats:scan --help lists them) and the repository, or a directory inside it "
                    + "(default: the current directory)")
            String... arguments) throws CommandFailure, ScanException {
        OptionTable table = ScanOptionTable.OPTIONS;
        CommandStatus.run(session, OptionTable.mentions(ScanOptionTable.VERBOSE, arguments), () -> {
            OptionTable.Given given = table.parse(arguments);
            if (given.help() || given.completions()) {
                session.getConsole().print(given.help() ? table.help() : table.completions());
                session.getConsole().flush();
                return;
            }
            run(session, given);
        });
    }

    /** The active plugins the selection runs; empty when no registry says. */
    private List<String> scannedPlugins(PluginSelection selection) {
        PluginRegistry current = registry;
        if (current == null) {
            return List.of();
        }
        return current.plugins().stream().filter(plugin -> plugin.state() == PluginState.ACTIVE)
                .map(PluginInfo::name).filter(selection::includes).toList();
    }

    /** Declarative Services sets the field itself; unit tests, which have no DS, call this. */
    void setConfiguration(GstatsConfiguration configuration) {
        this.configuration = configuration;
    }

    private void run(CommandSession session, OptionTable.Given given) throws CommandFailure, ScanException {
        ScanConfiguration in = new ScanConfiguration(given, configured(session, given));
        ScanArguments arguments = new ScanArguments(orAbsent(in.value(ScanOptionTable.FORMAT)),
                orAbsent(in.value(ScanOptionTable.OUTPUT)), orAbsent(in.value(ScanOptionTable.TABLE)),
                orAbsent(in.value(ScanOptionTable.BRANCH)), orAbsent(in.value(ScanOptionTable.SINCE)),
                orAbsent(in.value(ScanOptionTable.UNTIL)), in.flag(ScanOptionTable.NO_RENAMES),
                in.flag(ScanOptionTable.PRETTY), in.flag(ScanOptionTable.QUIET), in.flag(ScanOptionTable.VERBOSE),
                given.operands());
        ScannerArguments history = new ScannerArguments(in.flag(ScanOptionTable.FIRST_PARENT),
                in.values(ScanOptionTable.AUTHOR), in.values(ScanOptionTable.EXCLUDE_AUTHOR),
                in.values(ScanOptionTable.INCLUDE),
                in.values(ScanOptionTable.EXCLUDE), orAbsent(in.value(ScanOptionTable.MAX_COMMITS)),
                in.flag(ScanOptionTable.NO_MAILMAP), in.flag(ScanOptionTable.STRICT),
                orAbsent(in.value(ScanOptionTable.DIFF_ALGORITHM)), in.flag(ScanOptionTable.NO_REPLACE_OBJECTS));
        ReportArguments looks = new ReportArguments(orAbsent(in.value(ScanOptionTable.GROUP_AUTHORS)),
                in.flag(ScanOptionTable.FULL), orAbsent(in.value(ScanOptionTable.COLOR)),
                orAbsent(in.configured(ReportArguments.THEME_KEY)));
        looks.checkGrouping();
        session.put(CommandStatus.VERBOSE, arguments.verbose());
        session.put(CommandStatus.QUIET, arguments.quiet());
        ScanOptions checked = arguments.validate(currentDir(session), clock, defaultFormat(session));
        ScanOptions options = checked.withScanner(history.validate(checked.scanner()));
        PluginSelection selection = PluginsArgument.selection(orAbsent(in.value(ScanOptionTable.PLUGINS)));
        StoreArguments.check(given.value(ScanOptionTable.STORE), given.has(ScanOptionTable.NO_STORE));
        ReportOutput.checkTableName(options.table(), scannedPlugins(selection));
        ReportWriter writer = writers.require(options.format());
        ReportOutput output = ReportOutput.check(writer, options, looks.writerOptions(options.pretty(),
                options.table(), options.output() == null, stdoutTerminal(session), environment(session)), writers);
        // Gogo points System.err at the session's error stream while a command runs
        PrintStream err = ConsoleErr.of(session, System.err);
        if (options.verbose()) {
            err.println("gstats: scanning " + options.repository());
        }
        ProgressPrinter progress = new ProgressPrinter(err,
                ProgressPrinter.style(options.quiet(), options.verbose(), stderrTerminal(session)), System::nanoTime);

        Report report;
        ScanRequest request = options.request(in.settings());
        ShellInterrupt interrupt = ShellInterrupt.watch(session);
        Delivery delivery = new Delivery(session, output, progress, interrupt,
                () -> storedScans(request, options.verbose(), err));
        try {
            report = engine.scan(request, selection, delivery);
        } catch (ScanException | RuntimeException e) {
            if (interrupt.happened()) {
                throw CommandFailure.interrupted(INTERRUPTED);
            }
            throw e;
        } finally {
            delivery.scanEnded();
        }
        String written = delivery.written(report);
        if (!options.quiet()) {
            err.println(summary(report, progress.commits()) + written);
        }
        long unread = report.errors().stream().mapToLong(ReportError::unreadCommits).sum();
        if (unread > 0) {
            // the report is written, with what could be read; a script must still learn it is incomplete
            throw CommandFailure.failed((unread == 1 ? "1 commit" : unread + " commits") + " of " + report.header()
                    .repository() + " could not be read; the report leaves them out (its errors say where)", null);
        }
    }

    /**
     * The repository's stored scans, this one among them, as {@code gstats history} lists them; null
     * without a store or when it cannot be read. Then the scan has warned of the store's fault
     * already, in its one line; the reason it gives here again is for {@code --verbose}.
     */
    private Table storedScans(ScanRequest request, boolean verbose, PrintStream err) {
        ScanStore current = store;
        if (current == null) {
            return null;
        }
        try {
            List<ScanSummary> scans = current.history(request);
            return scans.isEmpty() ? null : ScanSummary.table(scans);
        } catch (StoreException e) {
            if (verbose) {
                err.println("gstats: the report shows no stored scans: " + e.getMessage());
            }
            return null;
        }
    }

    /**
     * The scan's progress on stderr, and its report written as soon as the engine has it
     * ({@link ProgressListener#reportReady}), while the store records the scan: the user reads it
     * that much sooner, and the command still ends when the scan (with the store's write) has. A
     * format that draws the stored scans is written once the store has recorded this one.
     */
    private static final class Delivery implements ProgressListener {

        private final CommandSession session;
        private final ReportOutput output;
        private final ProgressPrinter progress;
        private final ShellInterrupt interrupt;
        /** Read only for a format that takes them ({@link ReportOutput#write}), after the scan. */
        private final Supplier<Table> storedScans;
        private boolean ended;
        /** What the summary line says about the report, once it is written; null before. */
        private String written;
        private CommandFailure failure;

        Delivery(CommandSession session, ReportOutput output, ProgressPrinter progress, ShellInterrupt interrupt,
                Supplier<Table> storedScans) {
            this.session = session;
            this.output = output;
            this.progress = progress;
            this.interrupt = interrupt;
            this.storedScans = storedScans;
        }

        @Override
        public void commitsScanned(long commits) {
            progress.commitsScanned(commits);
        }

        @Override
        public void reportReady(Report report) {
            scanEnded();
            if (interrupt.happened() || output.takesHistory()) {
                return;
            }
            try {
                written = write(report);
            } catch (CommandFailure e) {
                // thrown again on the command's thread once the scan returns, as before
                failure = e;
            }
        }

        /** Before anything is written: an interrupted thread would close Gogo's output channels. */
        void scanEnded() {
            if (!ended) {
                ended = true;
                interrupt.close();
                progress.finish();
            }
        }

        /**
         * What the summary line says about the written report, writing it now if the engine did not
         * hand it over early.
         */
        String written(Report report) throws CommandFailure {
            if (interrupt.happened()) {
                // the scan ended before it saw the interrupt; the user asked for no report
                throw CommandFailure.interrupted(INTERRUPTED);
            }
            if (failure != null) {
                throw failure;
            }
            return written != null ? written : write(report);
        }

        private String write(Report report) throws CommandFailure {
            // the shell's Tab offers them for --table from now on
            session.put(TabCompletion.LAST_TABLES, report.itemNames());
            output.checkTable(report);
            return output.write(report, storedScans, session.getConsole());
        }
    }

    /**
     * The configuration in effect for the repository to scan, with the command line as its
     * highest rung; null when no configuration service is there.
     */
    private EffectiveConfiguration configured(CommandSession session, OptionTable.Given given)
            throws CommandFailure {
        GstatsConfiguration current = configuration;
        if (current == null) {
            return null;
        }
        try {
            return current.resolve(new ConfigRequest(ScanArguments.repository(given.operands(), currentDir(session)),
                    ScanConfiguration.commandLine(given)));
        } catch (ConfigException e) {
            throw CommandFailure.badUsage(e.getMessage());
        }
    }

    private static String orAbsent(String value) {
        return value == null ? ScanArguments.ABSENT : value;
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
        long warnings = report.errors().stream().filter(error -> ReportError.SCANNER.equals(error.plugin())).count();
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

    /**
     * The environment of the command's process: the client's, which a daemon's session carries
     * under {@value CommandStatus#ENVIRONMENT}, else this process's. Under
     * {@value ReportArguments#COLUMNS_PROPERTY}, the terminal width bin/gstats measured: the
     * session's, else the system property.
     */
    private Function<String, String> environment(CommandSession session) {
        Object client = session.get(CommandStatus.ENVIRONMENT);
        return name -> {
            if (ReportArguments.COLUMNS_PROPERTY.equals(name)) {
                Object columns = session.get(name);
                return columns != null ? columns.toString() : System.getProperty(name);
            }
            if (client instanceof Map<?, ?> variables) {
                Object value = variables.get(name);
                return value == null ? null : value.toString();
            }
            return environment.apply(name);
        };
    }

    /** {@code session.currentDir()} when the session has one, else the process's directory. */
    static Path currentDir(CommandSession session) {
        Path dir = session.currentDir();
        return dir != null ? dir : Paths.get(System.getProperty("user.dir")).toAbsolutePath();
    }
}

package org.gstats.store.internal.command;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.gstats.api.report.Report;
import org.gstats.api.report.ReportHeader;
import org.gstats.api.report.ReportSection;
import org.gstats.api.report.ReportWriter;
import org.gstats.api.report.Table;
import org.gstats.api.report.WriterOptions;
import org.gstats.api.store.ScanSummary;
import org.gstats.api.store.StoreException;
import org.gstats.store.internal.ScanStoreImpl;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * {@code gstats:sql}, {@code gstats:history} and {@code gstats:store}: the store's contents
 * for people and scripts. Each leaves its exit code in the session under {@value #EXIT}, as
 * the launcher expects of every gstats command.
 */
@Component(service = Object.class, property = {"osgi.command.scope=gstats", "osgi.command.function=sql",
        "osgi.command.function=history", "osgi.command.function=store"})
public final class StoreCommands {

    static final String EXIT = "gstats.exit";
    static final String VERBOSE = "gstats.verbose";
    private static final String ABSENT = "\u0000absent";

    /** The section of a report format's history. */
    private static final String HISTORY_SECTION = "history";

    private final ScanStoreImpl store;
    /** The report writers by format, for history in the formats a table does not print. */
    private final Map<String, ReportWriter> writers = new ConcurrentHashMap<>();

    @Activate
    public StoreCommands(@Reference(name = "store") ScanStoreImpl store) {
        this.store = store;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            target = "(" + ReportWriter.FORMAT_PROPERTY + "=*)")
    void addReportWriter(ReportWriter writer, Map<String, Object> properties) {
        writers.put(String.valueOf(properties.get(ReportWriter.FORMAT_PROPERTY)), writer);
    }

    void removeReportWriter(ReportWriter writer, Map<String, Object> properties) {
        writers.remove(String.valueOf(properties.get(ReportWriter.FORMAT_PROPERTY)), writer);
    }

    @Descriptor("run a read-only SQL query over the scan store (tables: repositories, scans, commits, "
            + "file_changes, authors, files, functions, hotspots; see docs/store.md)")
    public void sql(CommandSession session,
            @Descriptor("output format: text, csv, json or markdown (default text)")
            @Parameter(names = "--format", absentValue = "text") String format,
            @Descriptor("the store's JDBC URL (default: GSTATS_STORE, [store] url, or the H2 file)")
            @Parameter(names = "--store", absentValue = ABSENT) String url,
            @Descriptor("print stack traces on failure")
            @Parameter(names = {"-v", "--verbose"}, absentValue = "false", presentValue = "true") boolean verbose,
            @Descriptor("the query") String... query) throws CommandError {
        run(session, verbose, () -> {
            checkFormat(format);
            String sql = String.join(" ", query);
            String refusal = SqlCheck.refusal(sql);
            if (refusal != null) {
                throw new CommandError(CommandError.BAD_USAGE, refusal);
            }
            admin(url).query(sql).print(format, session.getConsole());
        });
    }

    @Descriptor("print the summary figures of every stored scan of a repository, oldest first")
    public void history(CommandSession session,
            @Descriptor("output format: text, csv, json, markdown, or a report format such as xml, yaml or html "
                    + "(the trend, drawn) (default text)")
            @Parameter(names = "--format", absentValue = "text") String format,
            @Descriptor("the store's JDBC URL") @Parameter(names = "--store", absentValue = ABSENT) String url,
            @Descriptor("print stack traces on failure")
            @Parameter(names = {"-v", "--verbose"}, absentValue = "false", presentValue = "true") boolean verbose,
            @Descriptor("the repository (default: the current directory)") String... path) throws CommandError {
        run(session, verbose, () -> {
            ReportWriter writer = reportWriter(format);
            if (path.length > 1) {
                throw new CommandError(CommandError.BAD_USAGE, "history takes one repository path, got "
                        + String.join(" ", path));
            }
            Path repository = repositoryRoot(path.length == 0 ? currentDir(session) : currentDir(session)
                    .resolve(path[0]));
            StoreAdmin admin = admin(url);
            List<ScanSummary> scans = admin.history(repository);
            // a repository deleted since its scans keeps its history; a mistyped path has none
            if (scans.isEmpty() && !Files.isDirectory(repository)) {
                throw new CommandError(CommandError.BAD_USAGE, "no such directory: " + repository);
            }
            Table history = ScanSummary.table(scans);
            if (writer != null) {
                writeReport(writer, repository, scans, history, session.getConsole());
                return;
            }
            ResultTable table = new ResultTable(history.columns());
            history.rows().forEach(table::add);
            table.print(format, session.getConsole());
            // the other formats stay what a program reads: an empty table
            if (scans.isEmpty() && format.equals("text")) {
                session.getConsole().println("gstats: the store at " + admin.location() + " holds no scan of "
                        + repository + ": gstats scan stores one (unless --no-store)");
            }
        });
    }

    @Descriptor("the scan store: info (location, size, repositories), clear PATH (forget a repository), "
            + "clear --all (drop every table of the store), gc (drop rows no stored scan needs)")
    public void store(CommandSession session,
            @Descriptor("the store's JDBC URL") @Parameter(names = "--store", absentValue = ABSENT) String url,
            @Descriptor("print stack traces on failure")
            @Parameter(names = {"-v", "--verbose"}, absentValue = "false", presentValue = "true") boolean verbose,
            @Descriptor("info | clear PATH | clear --all | gc") String... arguments) throws CommandError {
        run(session, verbose, () -> {
            List<String> words = new ArrayList<>(Arrays.asList(arguments));
            String action = words.isEmpty() ? "info" : words.remove(0);
            StoreAdmin admin = admin(url);
            PrintStream out = session.getConsole();
            switch (action) {
                case "info" -> {
                    requireNone(words, action);
                    admin.info().print("text", out);
                }
                case "clear" -> {
                    if (words.size() != 1) {
                        throw new CommandError(CommandError.BAD_USAGE, "store clear takes the repository to "
                                + "forget, or --all: gstats store clear PATH|--all");
                    }
                    if (words.get(0).equals("--all")) {
                        admin.clearAll();
                        out.println("gstats: emptied the store at " + admin.location() + "; the next scan starts "
                                + "it afresh");
                        return;
                    }
                    Path repository = repositoryRoot(currentDir(session).resolve(words.get(0)));
                    long scans = admin.clear(repository);
                    out.println(scans < 0 ? "gstats: nothing stored for " + repository
                            : "gstats: forgot " + repository + " (" + scans + " scans)");
                }
                case "gc" -> {
                    requireNone(words, action);
                    out.println("gstats: dropped " + admin.gc() + " rows no stored scan needs");
                }
                default -> throw new CommandError(CommandError.BAD_USAGE,
                        "unknown store action '" + action + "' (use info, clear PATH, clear --all or gc)");
            }
        });
    }

    /**
     * The writer of a report format for history; null for a format the table prints itself.
     *
     * @throws CommandError bad usage: a format there is no writer of, or one that writes a directory
     */
    private ReportWriter reportWriter(String format) throws CommandError {
        if (ResultTable.FORMATS.contains(format)) {
            return null;
        }
        ReportWriter writer = writers.get(format);
        if (writer == null) {
            List<String> formats = new ArrayList<>(ResultTable.FORMATS);
            writers.keySet().stream().filter(name -> !formats.contains(name)).sorted().forEach(formats::add);
            throw new CommandError(CommandError.BAD_USAGE,
                    "unknown format '" + format + "' (use " + String.join(", ", formats) + ")");
        }
        if (writer.writesDirectory(WriterOptions.DEFAULT)) {
            throw new CommandError(CommandError.BAD_USAGE, format + " writes several files, and history prints "
                    + "to the console (use text, csv, json or markdown)");
        }
        return writer;
    }

    /**
     * The history in a report format: a report of one section, {@code history}, whose one table is
     * the scans, under the header of the latest of them (none for a repository without a stored scan);
     * a format that draws the stored scans has them beside it too (the HTML report's History view).
     */
    private static void writeReport(ReportWriter writer, Path repository, List<ScanSummary> scans, Table history,
            PrintStream out) throws CommandError {
        ScanSummary latest = scans.isEmpty() ? null : scans.get(scans.size() - 1);
        ReportHeader header = latest == null ? new ReportHeader(null, repository.toString(), null, null, null, 0)
                : new ReportHeader(latest.gstatsVersion(), repository.toString(), latest.branch(), latest.headId(),
                        latest.started(), latest.durationMs());
        Report report = new Report(header, List.of(new ReportSection(HISTORY_SECTION, List.of(history))), List.of());
        WriterOptions options = writer.options().contains(ReportWriter.Option.HISTORY)
                ? WriterOptions.DEFAULT.withHistory(history) : WriterOptions.DEFAULT;
        try {
            writer.write(report, options, out);
        } catch (IOException e) {
            throw new CommandError(CommandError.FAILED, "cannot write the history: " + e.getMessage());
        }
        out.flush();
    }

    private StoreAdmin admin(String url) throws StoreException {
        return new StoreAdmin(store.database(ABSENT.equals(url) ? null : url));
    }

    @FunctionalInterface
    private interface Work {
        void run() throws CommandError, StoreException;
    }

    /**
     * Runs a command's work, leaving its exit code under {@value #EXIT} and, for {@code -v}, asking
     * for stack traces under {@value #VERBOSE}, as every gstats command does.
     */
    private static void run(CommandSession session, boolean verbose, Work work) throws CommandError {
        if (verbose) {
            session.put(VERBOSE, Boolean.TRUE);
        }
        try {
            work.run();
            session.put(EXIT, 0);
        } catch (CommandError e) {
            session.put(EXIT, e.exitCode());
            throw e;
        } catch (StoreException e) {
            int code = e instanceof StoreAdmin.BadQuery ? CommandError.BAD_USAGE : CommandError.FAILED;
            session.put(EXIT, code);
            throw new CommandError(code, e.getMessage());
        }
    }

    private static void checkFormat(String format) throws CommandError {
        if (!ResultTable.FORMATS.contains(format)) {
            throw new CommandError(CommandError.BAD_USAGE,
                    "unknown format '" + format + "' (use " + String.join(", ", ResultTable.FORMATS) + ")");
        }
    }

    private static void requireNone(List<String> words, String action) throws CommandError {
        if (!words.isEmpty()) {
            throw new CommandError(CommandError.BAD_USAGE, "store " + action + " takes no arguments, got "
                    + String.join(" ", words));
        }
    }

    /** The work tree holding {@code path} (as scans name repositories), or {@code path} itself (a bare repository). */
    static Path repositoryRoot(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        if (!Files.exists(absolute)) {
            return absolute; // a repository deleted since its scans, not a folder of one further up
        }
        for (Path dir = absolute; dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve(".git"))) {
                return dir;
            }
        }
        return absolute;
    }

    private static Path currentDir(CommandSession session) {
        Path dir = session.currentDir();
        return dir != null ? dir : Paths.get(System.getProperty("user.dir")).toAbsolutePath();
    }
}

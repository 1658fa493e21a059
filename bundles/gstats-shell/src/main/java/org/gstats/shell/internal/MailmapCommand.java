package org.gstats.shell.internal;

import java.io.PrintStream;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.annotations.GogoCommand;
import org.gstats.api.report.Report;
import org.gstats.api.report.ReportItem;
import org.gstats.api.report.Table;
import org.gstats.api.scan.PluginSelection;
import org.gstats.api.scan.ProgressListener;
import org.gstats.api.scan.ScanEngine;
import org.gstats.api.scan.ScanException;
import org.gstats.api.scan.ScanRequest;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code gstats:mailmap [PATH]}: scans the whole history with the commits plugin and prints
 * {@code .mailmap} lines for the author identities that look like one person, for the user to
 * review and add; nothing is written. Identities the repository's {@code .mailmap} already joins
 * are not proposed again.
 */
@Component(service = Object.class)
@GogoCommand(scope = "gstats", function = "mailmap")
public class MailmapCommand {

    static final String CLUSTERS = "commits.identity_clusters";

    private final ScanEngine engine;

    @Activate
    public MailmapCommand(@Reference(name = "engine") ScanEngine engine) {
        this.engine = engine;
    }

    @Descriptor("propose .mailmap lines for author identities that look like one person (same name, same email, "
            + "GitHub noreply address); prints them for review, writes nothing")
    public void mailmap(CommandSession session,
            @Descriptor("the repository, or a directory inside it (default: the current directory)")
            String... operands) throws CommandFailure, ScanException {
        boolean verbose = List.of(operands).contains("-v") || List.of(operands).contains("--verbose");
        CommandStatus.run(session, verbose, () -> run(session, operands));
    }

    private void run(CommandSession session, String... operands) throws CommandFailure, ScanException {
        List<String> paths = List.of(operands).stream().filter(o -> !o.equals("-v") && !o.equals("--verbose"))
                .toList();
        if (paths.size() > 1 || paths.stream().anyMatch(path -> path.startsWith("-"))) {
            throw CommandFailure.badUsage("gstats:mailmap takes one repository path (and -v/--verbose), got '"
                    + String.join("', '", paths) + "'");
        }
        Path repository;
        try {
            repository = paths.isEmpty() ? ScanCommand.currentDir(session)
                    : ScanCommand.currentDir(session).resolve(paths.get(0)).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw CommandFailure.badUsage("invalid repository path: '" + paths.get(0) + "' (" + e.getReason() + ")");
        }
        Report report = engine.scan(ScanRequest.builder(repository).build(), PluginSelection.only(Set.of("commits")),
                ProgressListener.NONE);
        Optional<ReportItem> clusters = report.item(CLUSTERS);
        if (clusters.isEmpty() || !(clusters.get() instanceof Table table)) {
            throw CommandFailure.failed("the commits plugin gave no identity clusters (is it active? see gstats "
                    + "plugins)", null);
        }
        PrintStream console = session.getConsole();
        List<String> lines = MailmapProposal.lines(table);
        if (lines.isEmpty()) {
            console.println("# no author identities of " + repository + " look like one person: nothing to propose");
        } else {
            console.println("# .mailmap lines proposed for " + repository + ": review each, then add them to "
                    + ".mailmap");
            lines.forEach(console::println);
        }
        console.flush();
    }
}

package org.gstats.shell.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Function;
import org.gstats.api.report.ReportWriter;
import org.gstats.api.scan.PluginInfo;
import org.gstats.api.scan.PluginRegistry;
import org.jline.reader.Candidate;
import org.jline.reader.ParsedLine;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * Tab completion of the gstats commands in the interactive shell, through Gogo JLine's own
 * {@code complete} declarations. The shell's profile runs {@code __completions} once: every
 * gstats command gets its description, and each command with an option table its options (from
 * the table, the one place they are declared) and one argument function, {@code __complete},
 * which JLine runs at each Tab and which answers from the services there are at that moment: a
 * plugin jar dropped into {@code plugins/} completes without a restart.
 */
@Component(service = Object.class, property = {"osgi.command.scope=" + CommandCatalog.SCOPE,
        "osgi.command.function=" + CompletionCommands.DECLARE, "osgi.command.function=" + CompletionCommands.COMPLETE})
public class CompletionCommands {

    static final String DECLARE = "__completions";
    static final String COMPLETE = "__complete";
    /** Gogo JLine's command that declares completions, and the session variables it completes with. */
    private static final String GOGO_COMPLETE = "gogo:complete";
    private static final String COMMAND_LINE = ".commandLine";
    private static final String FILES = "__files";
    private static final String DIRECTORIES = "__directories";

    private final BundleContext context;
    private final ReportWriters writers = new ReportWriters();
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile PluginRegistry registry;

    @Activate
    public CompletionCommands(BundleContext context) {
        this.context = context;
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
     * Never fails: the profile runs it inside the block that also sets the history and the exit
     * words, which one exception would skip. A command whose completion cannot be declared is
     * named in one line and left without.
     */
    @Descriptor("declare Tab completion for the gstats commands in this shell (the shell's profile runs it)")
    public void __completions(CommandSession session) {
        if (!(session.get(GOGO_COMPLETE) instanceof Function complete)) {
            return;
        }
        for (CommandCatalog.Entry entry : CommandCatalog.entries(context)) {
            String command = CommandCatalog.SCOPE + ":" + entry.name();
            try {
                declare(session, complete, command, entry);
            } catch (Exception e) {
                ConsoleErr.of(session, System.err).println("gstats: Tab does not complete " + entry.name() + ": "
                        + CommandStatus.oneLine(e));
            }
        }
    }

    private static void declare(CommandSession session, Function complete, String command,
            CommandCatalog.Entry entry) throws Exception {
        List<List<Object>> declarations = new ArrayList<>();
        declarations.add(List.of("-c", command, "-e"));
        if (!entry.description().isEmpty()) {
            declarations.add(List.of("-c", command, "-d", entry.description()));
        }
        OptionTable table = CommandCatalog.table(entry.name()).orElse(null);
        if (table != null) {
            options(command, table, declarations);
        }
        for (List<Object> arguments : declarations) {
            complete.execute(session, arguments);
        }
    }

    /** One declaration per option of the table, then the function that completes values and operands. */
    private static void options(String command, OptionTable table, List<List<Object>> declarations) {
        for (CommandOption option : table.options()) {
            List<Object> arguments = new ArrayList<>(List.of("-c", command));
            if (option.shortName() != null) {
                arguments.addAll(List.of("-s", option.shortName().substring(1)));
            }
            arguments.addAll(List.of("-l", option.name().substring(2), "-d", option.help()));
            declarations.add(arguments);
        }
        declarations.add(List.of("-c", command, "-a", CommandCatalog.SCOPE + ":" + COMPLETE + " " + table.command()));
    }

    @Descriptor("what Tab offers for the word being typed after a gstats command (JLine runs it)")
    public Object __complete(CommandSession session, String command) throws Exception {
        if (!(session.get(COMMAND_LINE) instanceof ParsedLine line) || line.wordIndex() < 1) {
            return List.of();
        }
        OptionTable table = CommandCatalog.table(command).orElse(null);
        if (table == null) {
            return List.of();
        }
        TabCompletion.Answer answer = TabCompletion.complete(table, line.words().subList(1, line.wordIndex()),
                line.word().substring(0, line.wordCursor()), sources(session));
        return switch (answer.paths()) {
            case FILES -> session.execute(FILES);
            case DIRECTORIES -> session.execute(DIRECTORIES);
            default -> answer.offers().stream().map(offer -> new Candidate(offer.value(), offer.display(), null,
                    offer.description(), null, null, offer.complete())).toList();
        };
    }

    private TabCompletion.Sources sources(CommandSession session) {
        return new TabCompletion.Sources() {
            @Override
            public List<String> formats() {
                return writers.formats();
            }

            @Override
            public List<PluginInfo> plugins() {
                PluginRegistry current = registry;
                return current == null ? List.of() : current.plugins();
            }

            @Override
            public List<String> tables() {
                return session.get(TabCompletion.LAST_TABLES) instanceof List<?> names
                        ? names.stream().map(String::valueOf).toList() : List.of();
            }
        };
    }
}

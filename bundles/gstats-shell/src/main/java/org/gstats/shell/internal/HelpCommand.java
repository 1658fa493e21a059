package org.gstats.shell.internal;

import java.io.PrintStream;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.annotations.GogoCommand;
import org.gstats.api.scan.ScanException;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * {@code help} in the shell, where the gstats scope is searched first: the gstats commands
 * there are now, one line each, and how to see every command; {@code help COMMAND} prints a
 * gstats command's options from its option table, or leaves any other command to Gogo's help.
 */
@Component(service = Object.class)
@GogoCommand(scope = CommandCatalog.SCOPE, function = "help")
public class HelpCommand {

    /** gogo.command's help, which describes any command from its annotations. */
    static final String GOGO_HELP = "felix:help";
    private static final String SCOPED = CommandCatalog.SCOPE + ":";

    private final BundleContext context;

    @Activate
    public HelpCommand(BundleContext context) {
        this.context = context;
    }

    @Descriptor("list the gstats commands, or describe one (help scan)")
    public void help(CommandSession session, @Descriptor("the command to describe") String... arguments)
            throws CommandFailure, ScanException {
        CommandStatus.run(session, false, () -> {
            PrintStream console = session.getConsole();
            if (arguments.length == 0) {
                console.print(list(CommandCatalog.entries(context)));
            } else if (arguments.length == 1) {
                describe(session, arguments[0]);
            } else {
                throw CommandFailure.badUsage("help takes one command, e.g. help scan");
            }
            console.flush();
        });
    }

    static String list(List<CommandCatalog.Entry> commands) {
        int width = commands.stream().mapToInt(entry -> entry.name().length()).max().orElse(0) + 2;
        StringBuilder out = new StringBuilder("gstats commands:\n");
        for (CommandCatalog.Entry entry : commands) {
            out.append("  ").append(entry.name()).append(" ".repeat(width - entry.name().length()))
                    .append(entry.description()).append('\n');
        }
        return out.append("\nhelp COMMAND describes one (help scan lists scan's options); ").append(GOGO_HELP)
                .append(" lists every command of the shell, the framework's and Gogo's too.\n").toString();
    }

    private void describe(CommandSession session, String command) throws CommandFailure {
        String name = command.startsWith(SCOPED) ? command.substring(SCOPED.length()) : command;
        Optional<OptionTable> table = CommandCatalog.table(name);
        if (table.isPresent()) {
            session.getConsole().print(table.get().help());
            return;
        }
        List<String> names = CommandCatalog.entries(context).stream().map(CommandCatalog.Entry::name).toList();
        String target = names.contains(name) ? SCOPED + name : command;
        if (!names.contains(name) && !known(session, command)) {
            throw CommandFailure.badUsage("unknown command '" + command + "'" + Suggestion.nearest(name, names)
                    .map(near -> "; did you mean '" + near + "'?").orElse(" (help lists the commands)"));
        }
        Object result;
        try {
            result = session.execute(GOGO_HELP + " " + target);
        } catch (Exception e) {
            throw CommandFailure.failed("cannot describe " + command + ": " + CommandStatus.oneLine(e), e);
        }
        if (result != null) {
            session.getConsole().println(result);
        }
    }

    /** Whether the shell has the command, with its scope or without: {@code gogo:ls} or {@code ls}. */
    private static boolean known(CommandSession session, String command) {
        // Gogo's session answers this variable with the names of every command, scope:function
        return session.get(".commands") instanceof Collection<?> commands && commands.stream().map(String::valueOf)
                .anyMatch(each -> each.equals(command) || each.endsWith(":" + command));
    }
}

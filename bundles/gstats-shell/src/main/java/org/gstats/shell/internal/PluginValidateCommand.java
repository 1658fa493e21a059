package org.gstats.shell.internal;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Function;
import org.apache.felix.service.command.annotations.GogoCommand;
import org.gstats.api.scan.PluginRegistry;
import org.gstats.api.scan.PluginValidation;
import org.gstats.api.scan.ScanException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code gstats:plugin-validate [-v] FILE.jar}: whether the jar would load as a plugin here, as
 * the framework's resolver decides, and why not. Exit 0 when it would, 1 when it would not, 2
 * when the file is missing. A {@link Function} rather than an annotated method, because Gogo
 * finds a command's method by the function's name and no Java method can be called
 * {@code plugin-validate}.
 */
@Component(service = Function.class)
@GogoCommand(scope = "gstats", function = "plugin-validate")
public class PluginValidateCommand implements Function {

    private final PluginRegistry registry;

    @Activate
    public PluginValidateCommand(@Reference(name = "registry") PluginRegistry registry) {
        this.registry = registry;
    }

    @Override
    @Descriptor("say whether a plugin jar would load here, and why not: plugin-validate [-v] FILE.jar")
    public Object execute(CommandSession session, List<Object> arguments) throws CommandFailure, ScanException {
        List<String> operands = new ArrayList<>();
        boolean verbose = false;
        for (Object argument : arguments) {
            String text = String.valueOf(argument);
            if (text.equals("-v") || text.equals("--verbose")) {
                verbose = true;
            } else {
                operands.add(text);
            }
        }
        CommandStatus.run(session, verbose, () -> run(session, operands));
        return null;
    }

    private void run(CommandSession session, List<String> operands) throws CommandFailure {
        if (operands.size() != 1 || operands.get(0).startsWith("-")) {
            throw CommandFailure.badUsage("gstats:plugin-validate takes one jar file (and -v/--verbose)");
        }
        Path jar = ScanCommand.currentDir(session).resolve(operands.get(0)).normalize();
        if (!Files.isRegularFile(jar)) {
            throw CommandFailure.badUsage("no such file: " + jar);
        }
        PluginValidation validation = registry.validate(jar);
        String bundle = validation.symbolicName() == null ? jar.getFileName().toString()
                : validation.symbolicName() + " " + validation.version();
        if (!validation.loads()) {
            throw CommandFailure.failed(bundle + " would not load: " + String.join("; ", validation.problems()), null);
        }
        PrintStream console = session.getConsole();
        console.println(bundle + " would load: it resolves against this gstats (built for org.gstats.api "
                + validation.apiVersion() + ")");
        console.flush();
    }
}

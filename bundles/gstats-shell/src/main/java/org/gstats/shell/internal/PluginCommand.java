package org.gstats.shell.internal;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.apache.felix.service.command.annotations.GogoCommand;
import org.gstats.api.PluginDataRequirements;
import org.gstats.api.scan.PluginMetrics;
import org.gstats.api.scan.PluginRegistry;
import org.gstats.api.scan.PluginStatus;
import org.gstats.api.scan.ScanException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code gstats:plugin NAME}: one plugin in full: its info, state and reason, the content it
 * asks the scanner for, the services its bundle provides, and its metrics. Several plugins of one name (a duplicate) are all shown.
 */
@Component(service = Object.class)
@GogoCommand(scope = "gstats", function = "plugin")
public class PluginCommand {

    private final PluginRegistry registry;

    @Activate
    public PluginCommand(@Reference(name = "registry") PluginRegistry registry) {
        this.registry = registry;
    }

    @Descriptor("describe one plugin: info, state, data requirements, services, metrics")
    public void plugin(CommandSession session,
            @Descriptor("print stack traces on failure")
            @Parameter(names = {"-v", "--verbose"}, absentValue = "false", presentValue = "true") boolean verbose,
            @Descriptor("the plugin's name, as gstats:plugins lists it") String... operands)
            throws CommandFailure, ScanException {
        CommandStatus.run(session, verbose, () -> run(session.getConsole(), Arrays.asList(operands)));
    }

    private void run(PrintStream console, List<String> operands) throws CommandFailure {
        if (operands.size() != 1 || String.valueOf(operands.get(0)).startsWith("-")) {
            throw CommandFailure.badUsage("gstats:plugin takes one plugin name (gstats:plugins lists them)");
        }
        String name = String.valueOf(operands.get(0));
        List<PluginStatus> statuses = registry.statuses();
        List<PluginStatus> matching = statuses.stream().filter(s -> s.name().equals(name)).toList();
        if (matching.isEmpty()) {
            throw CommandFailure.badUsage("no plugin named '" + name + "' (plugins: "
                    + String.join(", ", statuses.stream().map(PluginStatus::name).distinct().toList()) + ")");
        }
        StringBuilder text = new StringBuilder();
        for (PluginStatus plugin : matching) {
            if (text.length() > 0) {
                text.append('\n');
            }
            describe(plugin, text);
        }
        console.print(text);
        console.flush();
        if (console.checkError()) {
            throw CommandFailure.failed("cannot write the plugin's description: the console refused it", null);
        }
    }

    static void describe(PluginStatus plugin, StringBuilder out) {
        line(out, "name", plugin.name());
        line(out, "description", plugin.description());
        line(out, "version", plugin.version());
        line(out, "built for", plugin.apiVersion() == null ? null : "org.gstats.api " + plugin.apiVersion());
        line(out, "bundle", plugin.bundle() == null ? null : plugin.bundle() + " (id " + plugin.bundleId() + ")");
        line(out, "state", plugin.state());
        if (plugin.reason() != null) {
            line(out, "reason", plugin.reason());
        }
        PluginDataRequirements needs = plugin.requirements();
        if (needs != null) {
            line(out, "reads", needs.needsContent() ? content(needs) : "commits and file changes (no file content)");
        }
        if (!plugin.services().isEmpty()) {
            line(out, "provides", String.join(", ", plugin.services()));
        }
        PluginMetrics metrics = plugin.metrics();
        line(out, "metrics", metrics.scans() + " scans, " + metrics.events() + " events, "
                + metrics.time().toMillis() + " ms, " + metrics.failures() + " failed scans");
    }

    private static String content(PluginDataRequirements needs) {
        StringBuilder what = new StringBuilder("commits, file changes");
        if (needs.headContent()) {
            what.append(", file content at the head");
        }
        if (needs.historicalContent()) {
            what.append(", file content after each change");
        }
        if (needs.filesOnDisk()) {
            what.append(", the head checked out to disk");
        }
        what.append(needs.binaryContent() ? " (binary files too" : " (text files only");
        return what.append(", up to ").append(needs.maxFileSize()).append(" bytes each)").toString();
    }

    private static void line(StringBuilder out, String label, String value) {
        out.append(String.format("%-12s %s\n", label + ":", PluginsCommand.cell(value)));
    }
}

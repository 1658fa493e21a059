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
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.AttributeDefinition;
import org.osgi.service.metatype.MetaTypeInformation;
import org.osgi.service.metatype.MetaTypeService;
import org.osgi.service.metatype.ObjectClassDefinition;

/**
 * {@code gstats:plugin NAME}: one plugin in full: its info, state and reason, the content it
 * asks the scanner for, the services its bundle provides, its configuration schema (from the
 * MetaType service, as the configuration file spells the keys) and its metrics. Several plugins
 * of one name (a duplicate) are all shown.
 */
@Component(service = Object.class)
@GogoCommand(scope = "gstats", function = "plugin")
public class PluginCommand {

    /** Configurations of gstats' own sections are named after them: {@code org.gstats.module.metrics}. */
    private static final String SECTION_PID_PREFIX = "org.gstats.";

    private final PluginRegistry registry;
    private final BundleContext context;

    /** The plugins' configuration schemas; without it gstats:plugin says less. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile MetaTypeService metaTypes;

    @Activate
    public PluginCommand(@Reference(name = "registry") PluginRegistry registry, BundleContext context) {
        this.registry = registry;
        this.context = context;
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
            settings(plugin, text);
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
        line(out, "state", plugin.state().label());
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

    /** The configuration keys the plugin's bundle declares, one line each: key, type, default, meaning. */
    private void settings(PluginStatus plugin, StringBuilder out) {
        MetaTypeService service = metaTypes;
        if (service == null || plugin.bundleId() < 0) {
            return;
        }
        Bundle bundle = context.getBundle(plugin.bundleId());
        if (bundle == null) {
            return;
        }
        MetaTypeInformation information = service.getMetaTypeInformation(bundle);
        for (String pid : information == null ? new String[0] : information.getPids()) {
            ObjectClassDefinition definition = information.getObjectClassDefinition(pid, null);
            AttributeDefinition[] attributes = definition.getAttributeDefinitions(ObjectClassDefinition.ALL);
            line(out, "settings", section(pid));
            for (AttributeDefinition attribute : attributes == null ? new AttributeDefinition[0] : attributes) {
                String[] defaults = attribute.getDefaultValue();
                out.append(String.format("  %-22s %s = %s  %s\n", attribute.getID().replace('.', '-'),
                        type(attribute), defaults == null ? "" : defaults.length == 1 && attribute.getCardinality() == 0
                                ? defaults[0] : "[" + String.join(", ", defaults) + "]",
                        attribute.getDescription() == null ? "" : attribute.getDescription()));
            }
        }
    }

    /** {@code org.gstats.module.metrics} is {@code [module.metrics]} of the configuration file. */
    private static String section(String pid) {
        return pid.startsWith(SECTION_PID_PREFIX) ? "[" + pid.substring(SECTION_PID_PREFIX.length()) + "]"
                : "configuration " + pid;
    }

    private static String type(AttributeDefinition attribute) {
        String type = switch (attribute.getType()) {
            case AttributeDefinition.BOOLEAN -> "boolean";
            case AttributeDefinition.INTEGER, AttributeDefinition.LONG, AttributeDefinition.SHORT,
                    AttributeDefinition.BYTE -> "whole number";
            case AttributeDefinition.DOUBLE, AttributeDefinition.FLOAT -> "number";
            default -> "text";
        };
        return attribute.getCardinality() == 0 ? type : "list of " + type;
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

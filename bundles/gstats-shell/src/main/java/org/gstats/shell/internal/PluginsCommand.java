package org.gstats.shell.internal;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.annotations.GogoCommand;
import org.gstats.api.scan.PluginMetrics;
import org.gstats.api.scan.PluginRegistry;
import org.gstats.api.scan.PluginStatus;
import org.gstats.api.scan.ScanException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.google.gson.stream.JsonWriter;

/**
 * {@code gstats:plugins [--format text|json] [-v]}: every plugin with its state (active,
 * rejected, failing, disabled) and the reason when it is not active, as an aligned table for
 * people or as JSON for machines; {@code --verbose} adds each plugin's metrics.
 */
@Component(service = Object.class)
@GogoCommand(scope = "gstats", function = "plugins")
public class PluginsCommand {

    private static final List<String> FORMATS = List.of("json", "text");
    private static final CommandOption FORMAT = CommandOption.value("--format", "FORMAT", "json or text (default text)",
            null).completing(FORMATS.toArray(String[]::new));
    private static final CommandOption VERBOSE = CommandOption.flag("--verbose",
            "add each plugin's metrics (scans, events, time, failures); stack traces on failure", null, null)
            .withShortName("-v");
    static final OptionTable OPTIONS = new OptionTable("plugins", "[options]", ValueCompletion.NONE,
            List.of(FORMAT, VERBOSE));

    private final PluginRegistry registry;

    @Activate
    public PluginsCommand(@Reference(name = "registry") PluginRegistry registry) {
        this.registry = registry;
    }

    @Descriptor("list the plugins: name, version, API version, bundle, state and why it is not active")
    public void plugins(CommandSession session,
            @Descriptor("--format json|text (default text), -v/--verbose (gstats:plugins --help)")
            String... arguments) throws CommandFailure, ScanException {
        CommandStatus.run(session, OptionTable.mentions(VERBOSE, arguments), () -> {
            OptionTable.Given given = OPTIONS.parse(arguments);
            if (given.help() || given.completions()) {
                session.getConsole().print(given.help() ? OPTIONS.help() : OPTIONS.completions());
                session.getConsole().flush();
                return;
            }
            String format = given.value(FORMAT);
            run(session.getConsole(), format == null ? "text" : format, given.has(VERBOSE), given.operands());
        });
    }

    private void run(PrintStream console, String format, boolean verbose, List<String> operands)
            throws CommandFailure {
        if (!operands.isEmpty()) {
            String operand = String.valueOf(operands.get(0));
            throw CommandFailure.badUsage((operand.startsWith("-") ? "unknown option '" : "unexpected argument '")
                    + operand + "' (gstats:plugins takes --format json|text and -v/--verbose; "
                    + "gstats:plugin NAME describes one plugin)");
        }
        String wanted = String.valueOf(format).toLowerCase(Locale.ROOT);
        if (!FORMATS.contains(wanted)) {
            throw CommandFailure.badUsage("unknown format '" + format + "' (available: " + String.join(", ", FORMATS)
                    + ")");
        }
        List<PluginStatus> plugins = registry.statuses();
        try {
            Writer out = new OutputStreamWriter(console, StandardCharsets.UTF_8);
            if (wanted.equals("json")) {
                writeJson(plugins, out);
            } else {
                writeText(plugins, verbose, out);
            }
            out.flush();
        } catch (IOException e) {
            throw CommandFailure.failed("cannot write the plugin list: " + CommandStatus.oneLine(e), e);
        }
        if (console.checkError()) {
            throw CommandFailure.failed("cannot write the plugin list: the console refused it", null);
        }
    }

    static void writeText(List<PluginStatus> plugins, boolean verbose, Writer out) throws IOException {
        if (plugins.isEmpty()) {
            out.write("no plugins\n");
            return;
        }
        List<List<String>> rows = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("name", "version", "api", "bundle", "state"));
        if (verbose) {
            header.addAll(List.of("scans", "events", "time_ms", "failures"));
        }
        header.add("reason / description");
        rows.add(header);
        for (PluginStatus plugin : plugins) {
            List<String> row = new ArrayList<>(List.of(cell(plugin.name()), cell(plugin.version()),
                    cell(plugin.apiVersion()), cell(bundle(plugin)), cell(plugin.state().label())));
            if (verbose) {
                PluginMetrics metrics = plugin.metrics();
                row.addAll(List.of(Long.toString(metrics.scans()), Long.toString(metrics.events()),
                        Long.toString(metrics.time().toMillis()), Long.toString(metrics.failures())));
            }
            row.add(cell(plugin.reason() != null ? plugin.reason() : plugin.description()));
            rows.add(row);
        }
        for (String line : TextTable.layout(rows)) {
            out.write(line);
            out.write('\n');
        }
    }

    static void writeJson(List<PluginStatus> plugins, Writer out) throws IOException {
        JsonWriter json = new JsonWriter(out);
        json.setIndent("  ");
        json.setSerializeNulls(true);
        json.beginObject();
        json.name("plugins").beginArray();
        for (PluginStatus plugin : plugins) {
            PluginJson.write(plugin, json);
        }
        json.endArray();
        json.endObject();
        json.flush();
        out.write('\n');
    }

    private static String bundle(PluginStatus plugin) {
        return plugin.bundle() == null ? null : plugin.bundle() + " (" + plugin.bundleId() + ")";
    }

    /** One line per plugin, whatever a state or description holds. */
    static String cell(String text) {
        return text == null ? "-" : text.replaceAll("\\p{Cntrl}+", " ").strip();
    }
}

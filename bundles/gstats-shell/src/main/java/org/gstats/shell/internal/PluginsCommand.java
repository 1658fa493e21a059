package org.gstats.shell.internal;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.apache.felix.service.command.annotations.GogoCommand;
import org.gstats.api.scan.PluginInfo;
import org.gstats.api.scan.PluginRegistry;
import org.gstats.api.scan.ScanException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.google.gson.stream.JsonWriter;

/**
 * {@code gstats:plugins [--format text|json]}: the plugins the engine knows, as an aligned
 * table for people or as JSON ({@code {"plugins": [{"name", "version", "bundle", "bundle_id",
 * "state", "description"}]}}) for machines.
 */
@Component(service = Object.class)
@GogoCommand(scope = "gstats", function = "plugins")
public class PluginsCommand {

    private static final List<String> FORMATS = List.of("json", "text");

    private final PluginRegistry registry;

    @Activate
    public PluginsCommand(@Reference(name = "registry") PluginRegistry registry) {
        this.registry = registry;
    }

    @Descriptor("list the plugins: name, version, bundle, state, description")
    public void plugins(CommandSession session,
            @Descriptor("json or text (default text)")
            @Parameter(names = "--format", absentValue = "text") String format,
            @Descriptor("print stack traces on failure")
            @Parameter(names = {"-v", "--verbose"}, absentValue = "false", presentValue = "true") boolean verbose,
            String... operands) throws CommandFailure, ScanException {
        CommandStatus.run(session, verbose, () -> run(session.getConsole(), format, Arrays.asList(operands)));
    }

    private void run(PrintStream console, String format, List<String> operands) throws CommandFailure {
        if (!operands.isEmpty()) {
            String operand = String.valueOf(operands.get(0));
            throw CommandFailure.badUsage((operand.startsWith("-") ? "unknown option '" : "unexpected argument '")
                    + operand + "' (gstats:plugins takes --format json|text and -v/--verbose)");
        }
        String wanted = String.valueOf(format).toLowerCase(Locale.ROOT);
        if (!FORMATS.contains(wanted)) {
            throw CommandFailure.badUsage("unknown format '" + format + "' (available: " + String.join(", ", FORMATS)
                    + ")");
        }
        List<PluginInfo> plugins = registry.plugins();
        try {
            Writer out = new OutputStreamWriter(console, StandardCharsets.UTF_8);
            if (wanted.equals("json")) {
                writeJson(plugins, out);
            } else {
                writeText(plugins, out);
            }
            out.flush();
        } catch (IOException e) {
            throw CommandFailure.failed("cannot write the plugin list: " + CommandStatus.oneLine(e), e);
        }
        if (console.checkError()) {
            throw CommandFailure.failed("cannot write the plugin list: the console refused it", null);
        }
    }

    static void writeText(List<PluginInfo> plugins, Writer out) throws IOException {
        if (plugins.isEmpty()) {
            out.write("no plugins\n");
            return;
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("name", "version", "bundle", "state", "description"));
        for (PluginInfo plugin : plugins) {
            rows.add(List.of(cell(plugin.name()), cell(plugin.version()), cell(plugin.bundle()), cell(plugin.state()),
                    cell(plugin.description())));
        }
        for (String line : TextTable.layout(rows)) {
            out.write(line);
            out.write('\n');
        }
    }

    static void writeJson(List<PluginInfo> plugins, Writer out) throws IOException {
        JsonWriter json = new JsonWriter(out);
        json.setIndent("  ");
        json.setSerializeNulls(true);
        json.beginObject();
        json.name("plugins").beginArray();
        for (PluginInfo plugin : plugins) {
            json.beginObject();
            json.name("name").value(plugin.name());
            json.name("version").value(plugin.version());
            json.name("bundle").value(plugin.bundle());
            json.name("bundle_id").value(plugin.bundleId());
            json.name("state").value(plugin.state());
            json.name("description").value(plugin.description());
            json.endObject();
        }
        json.endArray();
        json.endObject();
        json.flush();
        out.write('\n');
    }

    /** One line per plugin, whatever a state or description holds. */
    private static String cell(String text) {
        return text == null ? "-" : text.replaceAll("\\p{Cntrl}+", " ").strip();
    }
}

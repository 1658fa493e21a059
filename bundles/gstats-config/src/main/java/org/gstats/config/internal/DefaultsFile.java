package org.gstats.config.internal;

import java.util.List;

import org.gstats.config.api.EffectiveConfiguration;
import org.gstats.config.api.Setting;

/** Configuration as TOML text: the commented defaults file, and the effective configuration with rungs. */
final class DefaultsFile {

    private static final String HEADER = """
            # gstats configuration: every key with its default value.
            #
            # gstats reads, highest precedence first: command-line options, the environment
            # (GSTATS_CONFIG names a file; GSTATS_* variables set single keys), the user config
            # ($XDG_CONFIG_HOME/gstats/config.toml or ~/.config/gstats/config.toml), the project
            # config (.gstats.toml in the scanned repository's root), and this file.
            # Sizes are written "256MB", ages "30d"; `gstats config` shows what is in effect.
            """;

    private DefaultsFile() {
    }

    /** Every key of the schema at its default, commented with what it takes and what else sets it. */
    static String render(Schema schema) {
        StringBuilder out = new StringBuilder(HEADER);
        String section = null;
        for (Key key : schema.keys()) {
            if (!key.section().equals(section)) {
                section = key.section();
                out.append('\n').append('[').append(section).append("]\n");
            }
            out.append("# ").append(key.description()).append('\n');
            out.append("# takes ").append(key.type().allowed());
            if (key.option() != null) {
                out.append("; option ").append(key.option());
            }
            if (key.environment() != null) {
                out.append("; variable ").append(key.environment());
            }
            out.append('\n');
            out.append(key.name()).append(" = ").append(key.type().toToml(key.defaultValue())).append('\n');
        }
        return out.toString();
    }

    /**
     * The configuration reference of docs/configuration.md: a Markdown table, one row per key,
     * from the same schema as the defaults file (a test holds the docs to it).
     */
    static String reference(Schema schema) {
        StringBuilder out = new StringBuilder("| key | takes | default | option | variable | meaning |\n"
                + "|---|---|---|---|---|---|\n");
        for (Key key : schema.keys()) {
            out.append("| `").append(key.id()).append("` | ").append(cell(key.type().allowed())).append(" | `")
                    .append(cell(key.type().toToml(key.defaultValue()))).append("` | ")
                    .append(key.option() == null ? "" : "`" + key.option() + "`").append(" | ")
                    .append(key.environment() == null ? "" : "`" + key.environment() + "`").append(" | ")
                    .append(cell(key.description())).append(" |\n");
        }
        return out.toString();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|");
    }

    /** Each key in effect, by section, with the rung and origin that set it as a comment. */
    static String effective(EffectiveConfiguration configuration, Schema schema) {
        List<Setting> settings = configuration.settings();
        int width = 0;
        for (Setting setting : settings) {
            width = Math.max(width, line(setting, schema).length());
        }
        StringBuilder out = new StringBuilder();
        String section = null;
        for (Setting setting : settings) {
            String keySection = Schema.section(setting.key());
            if (!keySection.equals(section)) {
                if (section != null) {
                    out.append('\n');
                }
                section = keySection;
                out.append('[').append(section).append("]\n");
            }
            String line = line(setting, schema);
            out.append(line).append(" ".repeat(width - line.length())).append("  # ")
                    .append(setting.rung().label()).append(" (").append(setting.origin()).append(")\n");
        }
        return out.toString();
    }

    private static String line(Setting setting, Schema schema) {
        String value = schema.key(setting.key()).map(key -> key.type().toToml(setting.value()))
                .orElseGet(() -> ValueType.literal(setting.value()));
        return Schema.name(setting.key()) + " = " + value;
    }
}

package org.gstats.config.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import org.gstats.config.api.ConfigException;
import org.gstats.config.api.Rung;
import org.gstats.config.api.Setting;
import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseError;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlPosition;
import org.tomlj.TomlTable;

/**
 * Reads one configuration file: its known keys, typed and checked against the schema, and a
 * warning for every key the schema does not know.
 */
final class TomlReader {

    private static final String MODULE = "module";
    /**
     * Fifty times a full configuration: tomlj takes some 20 s and 1 GB over 0.9 MB (55,000 keys,
     * measured), which no one should wait for to learn that a file is the wrong one.
     */
    private static final long MAX_BYTES = 256 << 10;

    private TomlReader() {
    }

    /**
     * @param warnings receives one line per unknown key or section
     * @throws ConfigException the file cannot be read, is not valid TOML, or holds a value its key
     *                         does not take
     */
    static List<Setting> read(Path file, Rung rung, List<String> warnings, Schema schema) throws ConfigException {
        return read(file, text(file), rung, warnings, schema);
    }

    /** {@link #read(Path, Rung, List, Schema)} of the file's {@code text}, read by {@link #text}. */
    static List<Setting> read(Path file, String text, Rung rung, List<String> warnings, Schema schema)
            throws ConfigException {
        TomlParseResult toml = Toml.parse(text);
        if (toml.hasErrors()) {
            TomlParseError error = toml.errors().get(0);
            TomlPosition position = error.position();
            throw new ConfigException(file + ":" + position.line() + ":" + position.column() + ": malformed TOML: "
                    + error.getMessage() + " (fix the file, or move it away to scan without it)");
        }
        List<Setting> settings = new ArrayList<>();
        UnknownKeys unknown = new UnknownKeys(file, warnings, schema);
        for (Map.Entry<String, Object> entry : toml.entrySet()) {
            String name = entry.getKey();
            Object value = entry.getValue();
            if (name.equals(MODULE) && value instanceof TomlTable modules) {
                for (Map.Entry<String, Object> module : modules.entrySet()) {
                    String section = MODULE + "." + module.getKey();
                    if (module.getValue() instanceof TomlTable table && schema.sections().contains(section)) {
                        readSection(file, section, table, rung, settings, warnings, unknown, schema);
                    } else if (module.getValue() instanceof TomlTable table) {
                        readPluginSection(file, section, table, modules.inputPositionOf(quoted(module.getKey())), rung,
                                settings, warnings, schema);
                    } else {
                        unknownLeaves(unknown, section, module.getValue(),
                                () -> modules.inputPositionOf(quoted(module.getKey())));
                    }
                }
            } else if (value instanceof TomlTable table) {
                readSection(file, name, table, rung, settings, warnings, unknown, schema);
            } else {
                unknownLeaves(unknown, name, value, () -> toml.inputPositionOf(quoted(name)));
            }
        }
        unknown.finish();
        return settings;
    }

    /**
     * The file's text, which TOML requires to be UTF-8; a binary file or one in another
     * encoding is named as such rather than by the decoder's "Input length = 1".
     */
    static String text(Path file) throws ConfigException {
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new ConfigException(String.format(Locale.ROOT, "%s: %.1f MB is more than a configuration file "
                        + "may hold (%d KB): is it the right file? (move it away to scan without it)", file,
                        size / 1e6, MAX_BYTES >> 10));
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException(file + ": no such file");
        } catch (AccessDeniedException e) {
            throw new ConfigException(file + ": cannot be read (permission denied)");
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot be read (" + e.getMessage() + ")");
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            if (text.indexOf('\0') < 0) {
                return text;
            }
        } catch (CharacterCodingException e) {
            // said below
        }
        throw new ConfigException(file + ": not a configuration file: it must be UTF-8 text (TOML), and this is "
                + "binary or in another encoding (fix the file, or move it away to scan without it)");
    }

    private static void readSection(Path file, String section, TomlTable table, Rung rung, List<Setting> settings,
            List<String> warnings, UnknownKeys unknown, Schema schema) throws ConfigException {
        for (Map.Entry<String, Object> entry : table.entrySet()) {
            String id = section + "." + entry.getKey();
            // tomlj parses the key again to find its position: only for a message
            Supplier<TomlPosition> position = () -> table.inputPositionOf(quoted(entry.getKey()));
            String moved = Schema.MOVED.get(id);
            if (moved != null) {
                TomlPosition at = position.get();
                warnings.add(file + (at == null ? "" : ":" + at.line()) + ": " + id + " is now "
                        + moved + " (it filters the history of every plugin); read as " + moved
                        + ", move it to [" + Schema.section(moved) + "]");
                id = moved;
            }
            Key key = schema.key(id).orElse(null);
            if (key == null) {
                unknownLeaves(unknown, id, entry.getValue(), position);
                continue;
            }
            try {
                settings.add(new Setting(id, key.type().fromToml(entry.getValue()), rung, file.toString()));
            } catch (InvalidValue e) {
                throw new ConfigException(file + line(position.get()) + ": " + id + " = "
                        + shown(entry.getValue()) + " is not allowed: " + id + " takes " + e.getMessage());
            }
        }
    }

    /**
     * {@code [module.NAME]} of a plugin whose bundle declares no MetaType for it: its keys are
     * passed on as they are typed, and the plugin checks them. (A plugin that declares its
     * section's MetaType has its keys in the schema, checked as gstats' own.) A name close to a
     * known module is warned about, as it is more likely a typo than a plugin.
     */
    private static void readPluginSection(Path file, String section, TomlTable table, TomlPosition sectionPosition,
            Rung rung, List<Setting> settings, List<String> warnings, Schema schema) {
        String nearest = Nearest.to(section, schema.moduleSections());
        if (nearest != null && Nearest.distance(section, nearest) <= 2) {
            warnings.add(file + (sectionPosition == null ? "" : ":" + sectionPosition.line()) + ": [" + section
                    + "] is passed on to a plugin of that name (did you mean [" + nearest + "]?)");
        }
        for (Map.Entry<String, Object> entry : table.entrySet()) {
            String id = section + "." + entry.getKey();
            TomlPosition position = table.inputPositionOf(quoted(entry.getKey()));
            String where = file + (position == null ? "" : ":" + position.line());
            Object value = pluginValue(entry.getValue());
            if (value == null) {
                warnings.add(where + ": " + id + " = " + shown(entry.getValue()) + " is ignored: a plugin's key takes "
                        + "true or false, a number, text or a list of texts or numbers");
            } else {
                settings.add(new Setting(id, value, rung, file.toString()));
            }
        }
    }

    /** A value Configuration Admin can carry, or null. */
    private static Object pluginValue(Object value) {
        if (value instanceof Boolean || value instanceof Long || value instanceof Double || value instanceof String) {
            return value;
        }
        if (value instanceof TomlArray array) {
            // handed on as texts; DS turns them into the numbers a plugin's configuration type declares
            List<String> texts = new ArrayList<>();
            for (int i = 0; i < array.size(); i++) {
                Object element = array.get(i);
                if (!(element instanceof String || element instanceof Long || element instanceof Double)) {
                    return null;
                }
                texts.add(element.toString());
            }
            return List.copyOf(texts);
        }
        return null;
    }

    /** One warning per value under an unknown key, so that each names the key it would be. */
    private static void unknownLeaves(UnknownKeys unknown, String id, Object value, Supplier<TomlPosition> position) {
        if (value instanceof TomlTable table && !table.isEmpty()) {
            for (Map.Entry<String, Object> entry : table.entrySet()) {
                unknownLeaves(unknown, id + "." + entry.getKey(), entry.getValue(),
                        () -> table.inputPositionOf(quoted(entry.getKey())));
            }
        } else {
            unknown.add(id, position);
        }
    }

    /**
     * The unknown keys of one file: the first {@value #LISTED} are warned about one by one, with
     * the nearest known key; the rest only counted, in one line, so that a file of generated
     * keys costs neither minutes nor a screen of warnings.
     */
    private static final class UnknownKeys {
        static final int LISTED = 20;

        private final Path file;
        private final List<String> warnings;
        private long count;

        private final Schema schema;

        UnknownKeys(Path file, List<String> warnings, Schema schema) {
            this.file = file;
            this.warnings = warnings;
            this.schema = schema;
        }

        void add(String id, Supplier<TomlPosition> position) {
            if (count++ < LISTED) {
                warnings.add(file + line(position.get()) + ": unknown key " + id
                        + " is ignored (did you mean " + Nearest.to(id, schema.ids()) + "?)");
            }
        }

        void finish() {
            if (count > LISTED) {
                warnings.add(file + ": " + (count - LISTED) + " more unknown keys are ignored (" + count
                        + " in all; gstats config --defaults lists the keys there are)");
            }
        }
    }

    private static String line(TomlPosition position) {
        return position == null ? "" : ":" + position.line();
    }

    /** A key as one dotted-path segment, so that a key with a dot in it is looked up whole. */
    private static String quoted(String key) {
        return "\"" + key.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String shown(Object value) {
        if (value instanceof String text) {
            return "\"" + text + "\"";
        }
        if (value instanceof TomlArray array) {
            // on one line: the message is one line (tomlj's own rendering spreads an array over several)
            return "[" + String.join(", ", array.toList().stream().map(TomlReader::shown).toList()) + "]";
        }
        return value instanceof TomlTable ? "a table" : String.valueOf(value);
    }

    static boolean exists(Path file) {
        return file != null && Files.isRegularFile(file);
    }
}

package org.gstats.config.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.gstats.config.api.EffectiveConfiguration;
import org.osgi.service.metatype.AttributeDefinition;
import org.osgi.service.metatype.ObjectClassDefinition;

/**
 * Every key gstats knows, derived from the MetaType the installed bundles declare: the one
 * schema of the configuration. An object class takes part when its description begins with
 * {@code [section]}; {@code [section] per scan} marks one that no component reads from
 * Configuration Admin (its values only travel in scan requests). Each attribute is a key named
 * after its id (dots become dashes); its {@code name} carries what MetaType has no field for, as
 * words: the command-line option ({@code --no-renames}, {@code -v --verbose}), the environment
 * variable ({@code GSTATS_FORMAT}), and {@code [size]} or {@code [time]} for a number of bytes
 * or a point in time. Adding a key is adding an attribute to its component's object class.
 */
final class Schema {

    static final String PID_PREFIX = "org.gstats.";
    static final String MODULE_PREFIX = "module.";
    static final String BASE = "base";
    private static final String PER_SCAN = "per scan";
    private static final String SIZE = "[size]";
    private static final String TIME = "[time]";
    private static final String VARIABLE_PREFIX = "GSTATS_";
    /** The sections of gstats itself in the order files show them; plugins' sections follow by name. */
    private static final List<String> FIRST = List.of(BASE, "scanner", "plugins", "store");

    /** Keys that moved, by their old id: still read, with a warning that names the new one. */
    static final Map<String, String> MOVED = Map.of(
            "module.commits.since", "scanner.since",
            "module.commits.until", "scanner.until");

    /** One object class designated for a PID, as a bundle's MetaType declares it. */
    record Declaration(String pid, ObjectClassDefinition definition) {
    }

    private final List<Key> keys;
    private final Map<String, Key> byId;
    private final List<String> problems;
    private final String source;

    private Schema(List<Key> keys, List<String> problems, String source) {
        this.keys = List.copyOf(keys);
        this.problems = List.copyOf(problems);
        this.source = source;
        Map<String, Key> map = new LinkedHashMap<>();
        keys.forEach(key -> map.putIfAbsent(key.id(), key));
        this.byId = Map.copyOf(map);
    }

    /**
     * This schema, said to be read from {@code source}: a description of everything it was made
     * from, equal for two schemas only when they are the same (see {@link InstalledSchema}).
     */
    Schema readFrom(String source) {
        return new Schema(keys, problems, source);
    }

    /** What this schema was made from, as {@link #readFrom} said; {@code null} when not known. */
    String source() {
        return source;
    }

    /** The keys the declarations make, by section in file order; a key declared twice counts once. */
    static Schema of(Collection<Declaration> declarations) {
        List<Declaration> sorted = new ArrayList<>();
        for (Declaration declaration : declarations) {
            if (section(declaration) != null) {
                sorted.add(declaration);
            }
        }
        sorted.sort(Comparator.comparing((Declaration d) -> sectionRank(section(d))).thenComparing(Schema::section)
                .thenComparing(d -> !perScan(d)).thenComparing(Declaration::pid)
                .thenComparing(d -> d.definition().getID()));
        List<Key> keys = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Declaration declaration : sorted) {
            AttributeDefinition[] attributes = declaration.definition()
                    .getAttributeDefinitions(ObjectClassDefinition.ALL);
            for (AttributeDefinition attribute : attributes == null ? new AttributeDefinition[0] : attributes) {
                try {
                    Key key = key(declaration, attribute);
                    if (seen.add(key.id())) {
                        keys.add(key);
                    }
                } catch (InvalidValue e) {
                    // one plugin's faulty declaration must not stop every command
                    problems.add(declaration.pid() + " declares " + section(declaration) + "."
                            + attribute.getID().replace('.', '-') + " with a default it does not take ("
                            + e.getMessage() + "): the key is ignored");
                }
            }
        }
        return new Schema(keys, problems, null);
    }

    private static String sectionRank(String section) {
        int first = FIRST.indexOf(section);
        return first >= 0 ? "0" + first : "1";
    }

    /** The section an object class declares keys of, or {@code null} when it is not part of the files. */
    private static String section(Declaration declaration) {
        String description = declaration.definition().getDescription();
        if (description == null || !description.startsWith("[") || description.indexOf(']') < 2) {
            return null;
        }
        return description.substring(1, description.indexOf(']'));
    }

    private static boolean perScan(Declaration declaration) {
        String description = declaration.definition().getDescription();
        return description.startsWith(PER_SCAN, description.indexOf(']') + 2);
    }

    private static Key key(Declaration declaration, AttributeDefinition attribute) throws InvalidValue {
        String section = section(declaration);
        List<String> words = attribute.getName() == null ? List.of() : List.of(attribute.getName().trim().split("\\s+"));
        List<String> options = words.stream().filter(word -> word.startsWith("-")).toList();
        String variable = words.stream().filter(word -> word.startsWith(VARIABLE_PREFIX)).findFirst().orElse(null);
        ValueType type = ValueType.of(attribute, words.contains(SIZE), words.contains(TIME));
        Object defaultValue = type.fromDefault(attribute.getDefaultValue());
        boolean module = section.startsWith(MODULE_PREFIX);
        boolean perScan = perScan(declaration);
        return new Key(section, attribute.getID().replace('.', '-'), type, defaultValue,
                attribute.getDescription() == null ? "" : attribute.getDescription(),
                options.isEmpty() ? null : String.join(", ", options), variable,
                perScan ? null : declaration.pid(), !module && !perScan);
    }

    List<Key> keys() {
        return keys;
    }

    /** Declarations that could not be keys, one line each, for the command's warnings. */
    List<String> problems() {
        return problems;
    }

    Optional<Key> key(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    List<String> ids() {
        return keys.stream().map(Key::id).toList();
    }

    /** Section names in file order. */
    Set<String> sections() {
        Set<String> sections = new LinkedHashSet<>();
        keys.forEach(key -> sections.add(key.section()));
        return sections;
    }

    /** The {@code module.NAME} sections the schema knows. */
    Set<String> moduleSections() {
        Set<String> modules = new LinkedHashSet<>(sections());
        modules.removeIf(section -> !section.startsWith(MODULE_PREFIX));
        return modules;
    }

    /** The PID a key is published under, or {@code null} for a key that only travels in scan requests. */
    String pid(String id) {
        Key key = byId.get(id);
        if (key == null) {
            // a plugin that declares no MetaType still finds its section under its PID
            return section(id).startsWith(MODULE_PREFIX) ? PID_PREFIX + section(id) : null;
        }
        return key.pid();
    }

    /** Whether the key configures the process rather than one scan, so that a command line's value is published. */
    boolean process(String id) {
        Key key = byId.get(id);
        return key != null && key.process();
    }

    static String section(String id) {
        return EffectiveConfiguration.section(id);
    }

    static String name(String id) {
        return EffectiveConfiguration.name(id);
    }

    static String property(String name) {
        return EffectiveConfiguration.property(name);
    }
}

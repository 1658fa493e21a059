package org.gstats.scanner.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.jgit.attributes.Attribute;
import org.eclipse.jgit.attributes.AttributesNode;
import org.eclipse.jgit.attributes.AttributesRule;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.lib.Repository;

/**
 * Whether {@code git log --numstat} takes a path for binary by its attributes: {@code -diff}
 * (or the {@code binary} macro) makes it binary, {@code diff} makes it text, {@code diff=DRIVER}
 * follows {@code diff.DRIVER.binary} and otherwise leaves it to the content, as does no
 * {@code diff} attribute at all ({@code -text} does not make a file binary in a diff).
 * <p>
 * The attributes are read where {@code git log} reads them, which is not the scanned commit:
 * {@code $GIT_DIR/info/attributes}, the {@code .gitattributes} files of the work tree (none in
 * a bare repository; git log reads no index) from the path's directory up to the top, then
 * {@code core.attributesFile} (by default {@code $XDG_CONFIG_HOME/git/attributes}), in that
 * precedence; within a file the last matching line wins, and macros ({@code [attr]NAME}) count
 * from the top-level files only. Safe for use from several threads.
 */
final class GitAttributes {

    /** What the attributes say of a path's content. */
    enum Diff {
        /** {@code -diff}: binary whatever the content. */
        BINARY,
        /** {@code diff}: text whatever the content. */
        TEXT,
        /** nothing said: binary if the content has a NUL byte, as git decides. */
        BY_CONTENT
    }

    static final GitAttributes NONE = new GitAttributes(null, null, List.of(), List.of(), new Config());

    private static final String DIFF = "diff";
    private static final String MACRO_PREFIX = "[attr]";
    private static final String ATTRIBUTES_FILE = ".gitattributes";

    private final Path workTree;
    /** $GIT_DIR/info/attributes, highest precedence. */
    private final AttributesNode info;
    /** core.attributesFile, lowest precedence. */
    private final List<AttributesRule> global;
    private final Map<String, List<Attribute>> macros = new HashMap<>();
    private final Config config;
    private final Map<String, Optional<AttributesNode>> directories = new ConcurrentHashMap<>();
    private final Map<String, Diff> answers = new ConcurrentHashMap<>();

    private GitAttributes(Path workTree, AttributesNode info, List<AttributesRule> rootRules,
            List<AttributesRule> global, Config config) {
        this.workTree = workTree;
        this.info = info;
        this.global = global;
        this.config = config;
        macros.put("binary", List.of(new Attribute(DIFF, Attribute.State.UNSET),
                new Attribute("merge", Attribute.State.UNSET), new Attribute("text", Attribute.State.UNSET)));
        // git reads macros from the global file, the top-level .gitattributes and info/attributes,
        // a later definition replacing an earlier one
        defineMacros(global);
        defineMacros(rootRules);
        if (info != null) {
            defineMacros(info.getRules());
        }
    }

    /** The attributes {@code git log} would use in {@code repository}. */
    static GitAttributes of(Repository repository) throws IOException {
        Path workTree = repository.isBare() ? null : repository.getWorkTree().toPath();
        AttributesNode info = read(repository.getDirectory().toPath().resolve("info").resolve("attributes"));
        AttributesNode global = read(globalFile(repository.getConfig()));
        AttributesNode root = workTree == null ? null : read(workTree.resolve(ATTRIBUTES_FILE));
        return new GitAttributes(workTree, info, root == null ? List.of() : root.getRules(),
                global == null ? List.of() : global.getRules(), repository.getConfig());
    }

    /** What the attributes say of {@code path}'s content. */
    Diff diff(String path) {
        return answers.computeIfAbsent(path, this::resolve);
    }

    /** Whether git takes {@code blob} at {@code path} for binary. */
    boolean binary(String path, Blob blob) {
        return switch (diff(path)) {
            case BINARY -> true;
            case TEXT -> blob.content() == null;
            case BY_CONTENT -> blob.binary();
        };
    }

    private Diff resolve(String path) {
        Map<String, Attribute> determined = new HashMap<>();
        List<List<AttributesRule>> stack = new ArrayList<>();
        List<String> bases = new ArrayList<>();
        if (info != null) {
            stack.add(info.getRules());
            bases.add("");
        }
        if (workTree != null) {
            int slash = path.lastIndexOf('/');
            while (true) {
                String directory = slash < 0 ? "" : path.substring(0, slash);
                AttributesNode node = directory(directory);
                if (node != null) {
                    stack.add(node.getRules());
                    bases.add(directory.isEmpty() ? "" : directory + "/");
                }
                if (slash < 0) {
                    break;
                }
                slash = directory.lastIndexOf('/');
            }
        }
        stack.add(global);
        bases.add("");
        for (int frame = 0; frame < stack.size() && !determined.containsKey(DIFF); frame++) {
            String relative = path.substring(bases.get(frame).length());
            List<AttributesRule> rules = stack.get(frame);
            for (int r = rules.size() - 1; r >= 0 && !determined.containsKey(DIFF); r--) {
                AttributesRule rule = rules.get(r);
                if (!rule.getPattern().startsWith(MACRO_PREFIX) && rule.isMatch(relative, false)) {
                    fill(rule.getAttributes(), determined);
                }
            }
        }
        Attribute diff = determined.get(DIFF);
        if (diff == null) {
            return Diff.BY_CONTENT;
        }
        return switch (diff.getState()) {
            case SET -> Diff.TEXT;
            case UNSET -> Diff.BINARY;
            case UNSPECIFIED -> Diff.BY_CONTENT;
            case CUSTOM -> driver(diff.getValue());
        };
    }

    /** git's fill_one: later attributes of a line first, each only once, a set macro expanded. */
    private void fill(List<Attribute> attributes, Map<String, Attribute> determined) {
        for (int i = attributes.size() - 1; i >= 0; i--) {
            Attribute attribute = attributes.get(i);
            if (determined.putIfAbsent(attribute.getKey(), attribute) == null
                    && attribute.getState() == Attribute.State.SET && macros.containsKey(attribute.getKey())) {
                fill(macros.get(attribute.getKey()), determined);
            }
        }
    }

    /** A diff driver without {@code diff.NAME.binary} leaves binary to the content. */
    private Diff driver(String name) {
        String binary = config.getString(DIFF, name, "binary");
        if (binary == null) {
            return Diff.BY_CONTENT;
        }
        return config.getBoolean(DIFF, name, "binary", false) ? Diff.BINARY : Diff.TEXT;
    }

    private AttributesNode directory(String directory) {
        return directories.computeIfAbsent(directory, dir -> {
            try {
                return Optional.ofNullable(read(workTree.resolve(dir.isEmpty() ? ATTRIBUTES_FILE : dir + "/"
                        + ATTRIBUTES_FILE)));
            } catch (IOException e) {
                return Optional.empty(); // unreadable: git reads nothing there either
            }
        }).orElse(null);
    }

    private void defineMacros(List<AttributesRule> rules) {
        for (AttributesRule rule : rules) {
            if (rule.getPattern().startsWith(MACRO_PREFIX)) {
                macros.put(rule.getPattern().substring(MACRO_PREFIX.length()), rule.getAttributes());
            }
        }
    }

    private static Path globalFile(Config config) {
        String configured = config.getString("core", null, "attributesFile");
        if (configured != null) {
            return Path.of(configured.startsWith("~/") ? System.getProperty("user.home") + configured.substring(1)
                    : configured);
        }
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isEmpty() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return base.resolve("git").resolve("attributes");
    }

    private static AttributesNode read(Path file) throws IOException {
        if (file == null || !Files.isRegularFile(file)) {
            return null;
        }
        AttributesNode node = new AttributesNode();
        try (InputStream in = Files.newInputStream(file)) {
            node.parse(in);
        }
        return node;
    }
}

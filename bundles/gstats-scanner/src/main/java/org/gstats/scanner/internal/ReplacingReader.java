package org.gstats.scanner.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.jgit.errors.IncorrectObjectTypeException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.internal.storage.commitgraph.CommitGraph;
import org.eclipse.jgit.lib.AnyObjectId;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;

/**
 * Reads objects as git does when it honours replace refs and grafts: an object named under
 * {@code refs/replace/} is read as its replacement (following chains, as git, up to five deep),
 * keeping its own id, so that {@code git log} shows the replaced history under the original ids;
 * a commit listed in {@code $GIT_DIR/info/grafts} is read with the parents the graft gives it.
 * The scan's {@code --no-replace-objects} and the environment variable {@code GIT_NO_REPLACE_OBJECTS}
 * turn replace refs off, as in git, and {@code GIT_REPLACE_REF_BASE} moves them; grafts stay, as in git. JGit's readers know
 * neither, so the scan reads through this one when the repository has any.
 */
final class ReplacingReader extends ObjectReader.Filter {

    /** git's MAXREPLACEDEPTH. */
    private static final int MAX_REPLACE_DEPTH = 5;

    private final ObjectReader delegate;
    private final Map<ObjectId, ObjectId> replacements;
    private final Map<ObjectId, List<ObjectId>> grafts;

    private ReplacingReader(ObjectReader delegate, Map<ObjectId, ObjectId> replacements,
            Map<ObjectId, List<ObjectId>> grafts) {
        this.delegate = delegate;
        this.replacements = replacements;
        this.grafts = grafts;
    }

    /**
     * A new reader of the repository's objects: JGit's own when the repository replaces nothing,
     * otherwise one that reads through the replacements.
     *
     * @param replaceRefs whether replace refs count ({@link #replaceRefsByEnvironment()})
     */
    static ObjectReader open(Repository repository, boolean replaceRefs) throws IOException {
        Map<ObjectId, ObjectId> replacements = new HashMap<>();
        if (replaceRefs) {
            String base = System.getenv("GIT_REPLACE_REF_BASE");
            String prefix = base == null || base.isEmpty() ? Constants.R_REFS + "replace/"
                    : base.endsWith("/") ? base : base + "/";
            for (Ref ref : repository.getRefDatabase().getRefsByPrefix(prefix)) {
                String name = ref.getName().substring(prefix.length());
                if (ObjectId.isId(name) && ref.getObjectId() != null) {
                    replacements.put(ObjectId.fromString(name), ref.getObjectId());
                }
            }
        }
        Map<ObjectId, List<ObjectId>> grafts = grafts(repository.getDirectory().toPath().resolve("info")
                .resolve("grafts"));
        ObjectReader reader = repository.newObjectReader();
        return replacements.isEmpty() && grafts.isEmpty() ? reader
                : new ReplacingReader(reader, replacements, grafts);
    }

    /** git's rule: replace refs count unless {@code GIT_NO_REPLACE_OBJECTS} is set, to anything. */
    static boolean replaceRefsByEnvironment() {
        return System.getenv("GIT_NO_REPLACE_OBJECTS") == null;
    }

    /** Lines of {@code commit parent...}; blank and {@code #} lines skipped, others that git rejects too. */
    private static Map<ObjectId, List<ObjectId>> grafts(Path file) throws IOException {
        Map<ObjectId, List<ObjectId>> grafts = new HashMap<>();
        if (!Files.isRegularFile(file)) {
            return grafts;
        }
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String[] ids = trimmed.split(" ");
            if (!Arrays.stream(ids).allMatch(ObjectId::isId)) {
                throw new IOException("bad graft data in " + file + ": " + line);
            }
            List<ObjectId> parents = new ArrayList<>();
            for (int i = 1; i < ids.length; i++) {
                parents.add(ObjectId.fromString(ids[i]));
            }
            grafts.put(ObjectId.fromString(ids[0]), List.copyOf(parents));
        }
        return grafts;
    }

    @Override
    protected ObjectReader delegate() {
        return delegate;
    }

    @Override
    public ObjectReader newReader() {
        return new ReplacingReader(delegate.newReader(), replacements, grafts);
    }

    @Override
    public ObjectLoader open(AnyObjectId objectId) throws IOException {
        return open(objectId, OBJ_ANY);
    }

    @Override
    public ObjectLoader open(AnyObjectId objectId, int typeHint)
            throws MissingObjectException, IncorrectObjectTypeException, IOException {
        ObjectLoader loader = delegate.open(replaced(objectId), typeHint);
        List<ObjectId> parents = grafts.get(objectId);
        if (parents == null || loader.getType() != Constants.OBJ_COMMIT) {
            return loader;
        }
        return new ObjectLoader.SmallObject(Constants.OBJ_COMMIT, withParents(loader.getCachedBytes(), parents));
    }

    @Override
    public long getObjectSize(AnyObjectId objectId, int typeHint) throws IOException {
        return grafts.containsKey(objectId) ? open(objectId, typeHint).getSize()
                : delegate.getObjectSize(replaced(objectId), typeHint);
    }

    /** The commit graph holds the recorded parents: the walk must read the commits themselves. */
    @Override
    public Optional<CommitGraph> getCommitGraph() {
        return Optional.empty();
    }

    private AnyObjectId replaced(AnyObjectId objectId) {
        AnyObjectId id = objectId;
        for (int depth = 0; depth < MAX_REPLACE_DEPTH; depth++) {
            ObjectId replacement = replacements.get(id);
            if (replacement == null) {
                break;
            }
            id = replacement;
        }
        return id;
    }

    /** The commit's headers with its {@code parent} lines replaced by the graft's. */
    private static byte[] withParents(byte[] commit, List<ObjectId> parents) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(commit.length + 48 * parents.size());
        int at = 0;
        boolean written = false;
        while (at < commit.length) {
            int end = at;
            while (end < commit.length && commit[end] != '\n') {
                end++;
            }
            end = Math.min(end + 1, commit.length);
            boolean headers = end - at > 1;
            if (!headers) {
                out.write(commit, at, commit.length - at);
                break;
            }
            if (!startsWith(commit, at, "parent ")) {
                out.write(commit, at, end - at);
            }
            if (!written && startsWith(commit, at, "tree ")) {
                for (ObjectId parent : parents) {
                    out.writeBytes(("parent " + parent.name() + "\n").getBytes(StandardCharsets.US_ASCII));
                }
                written = true;
            }
            at = end;
        }
        return out.toByteArray();
    }

    private static boolean startsWith(byte[] bytes, int at, String prefix) {
        if (at + prefix.length() > bytes.length) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (bytes[at + i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
